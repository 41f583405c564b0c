/** BullMQ refuses ':' in custom job ids (see cohort/job-ids.ts): the talent module's ids use '.'. */
export const notifyJobId = (eventKey: string) => `notify.${eventKey.replace(/:/g, '.')}`;
