export * from './time-zones';
export * from './is-time-zone.validator';
