/**
 * Whether this process runs the workers, the outbox relay and the job schedulers (the worker and
 * all roles) or only publishes (api). Injected where start-up work belongs to workers only.
 */
export class QueueRole {
  constructor(readonly runsWorkers: boolean) {}
}
