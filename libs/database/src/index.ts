export * from './snake-naming.strategy';
export * from './data-source-options';
export * from './ensure-database';
export * from './database.module';
export * from './app-transaction-host';
export * from './postgres-errors';
export * from './driver-pool';
export * from './direct-reads.service';
