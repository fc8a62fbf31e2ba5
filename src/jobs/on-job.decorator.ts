import { SetMetadata } from '@nestjs/common';
import { JobContext } from './job-data';
import { JobName } from './job-names';

export const ON_JOB = Symbol('ON_JOB');

/** A method that can run job J: it takes J's context (or nothing) and settles when done. */
export type JobHandlerOf<J extends JobName> = (context: JobContext<J>) => Promise<void>;

/**
 * Marks the service method that runs a job; it must be idempotent. The method's type is checked
 * against the job's: one declared for another job's payload does not compile.
 */
export function OnJob<J extends JobName>(name: J) {
  return <Method extends JobHandlerOf<J>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<Method>,
  ): void => {
    SetMetadata(ON_JOB, name)(target, key, descriptor);
  };
}
