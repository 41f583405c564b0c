/**
 * Deterministic BullMQ job ids. BullMQ 6 refuses a custom id holding ':' (unless it has exactly
 * three parts, its legacy repeat-job form), and the relay would then retry the whole batch; so
 * the cohort module's ids use '.' where event keys use ':'.
 */
export const notifyJobId = (eventKey: string) => `notify.${eventKey.replace(/:/g, '.')}`;
export const importJobId = (importId: string) => `import.${importId}`;
