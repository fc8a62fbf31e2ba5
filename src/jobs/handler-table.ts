import { JobName } from './job-names';

export interface FoundHandler {
  jobName: string;
  owner: string;
}

/** Checks that every job has exactly one handler and every handler a known job. */
export function handlerTableProblems(found: FoundHandler[]): string[] {
  const known = new Set<string>(Object.values(JobName));
  const problems: string[] = [];
  for (const handler of found) {
    if (!known.has(handler.jobName)) {
      problems.push(`${handler.owner} handles unknown job "${handler.jobName}"`);
    }
  }
  for (const name of known) {
    const owners = found.filter((handler) => handler.jobName === name).map((h) => h.owner);
    if (owners.length === 0) problems.push(`job "${name}" has no handler`);
    if (owners.length > 1)
      problems.push(`job "${name}" has ${owners.length} handlers: ${owners.join(', ')}`);
  }
  return problems;
}
