export * from './time-zones';
export * from './is-time-zone.validator';
export * from './is-date-time.validator';
