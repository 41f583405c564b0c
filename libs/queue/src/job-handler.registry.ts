import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_CATALOG, JobName } from './job-catalog';
import { HandledJob, JOB_HANDLER } from './job-handler.decorator';

type Handler = (job: HandledJob<JobName>) => Promise<unknown>;

/** Finds every @JobHandler at start-up and refuses to start when a job has none, or two. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly logger = new Logger(JobHandlerRegistry.name);
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const prototype = Object.getPrototypeOf(instance);
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const target = prototype[method];
        const name = this.reflector.get<string | undefined>(JOB_HANDLER, target);
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${prototype.constructor.name}.${method}`]);
        this.handlers.set(name, (job) => (instance[method] as Handler).call(instance, job));
      }
    }
    const problems: string[] = [];
    for (const name of Object.keys(JOB_CATALOG)) {
      const places = found.get(name) ?? [];
      if (places.length === 0) problems.push(`job "${name}" has no @JobHandler`);
      if (places.length > 1) problems.push(`job "${name}" has ${places.length} handlers: ${places.join(', ')}`);
    }
    for (const name of found.keys()) {
      if (!(name in JOB_CATALOG)) problems.push(`@JobHandler("${name}") names a job missing from the job catalog`);
    }
    if (problems.length > 0) throw new Error(`Job handlers are incomplete:\n  - ${problems.join('\n  - ')}`);
    this.logger.log(`${this.handlers.size} job handlers registered`);
  }

  handlerFor(name: string): Handler | undefined {
    return this.handlers.get(name);
  }
}
