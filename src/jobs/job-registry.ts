import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JobContext } from './job-data';
import { JobName } from './job-names';
import { ON_JOB } from './on-job.decorator';
import { FoundHandler, handlerTableProblems } from './handler-table';

export type JobHandler = (context: JobContext) => Promise<void>;

/** Finds every @OnJob method at start-up and refuses to start unless the table is complete. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[methodName] as (...args: unknown[]) => Promise<void>;
        const jobName = this.reflector.get<JobName | undefined>(ON_JOB, method);
        if (!jobName) continue;
        found.push({ jobName, owner: `${instance.constructor.name}.${methodName}` });
        this.handlers.set(jobName, (context) => method.call(instance, context));
      }
    }
    const problems = handlerTableProblems(found);
    if (problems.length > 0)
      throw new Error(`Job handler table is wrong:\n  ${problems.join('\n  ')}`);
  }

  handlerFor(name: string): JobHandler {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job "${name}"`);
    return handler;
  }
}
