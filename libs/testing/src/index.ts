export * from './test-database';
export * from './wait-for';
export * from './http-client';
export * from './redis-keys';
export * from './spawned-processes';
