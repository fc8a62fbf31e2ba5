import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-names';

export const ON_JOB = Symbol('ON_JOB');

/** Marks the service method that runs a job; it receives a JobContext and must be idempotent. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);
