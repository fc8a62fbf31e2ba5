import { handlerTableProblems } from './handler-table';
import { JobName } from './job-names';

describe('handlerTableProblems', () => {
  const complete = Object.values(JobName).map((jobName) => ({
    jobName,
    owner: `Service.${jobName}`,
  }));

  it('accepts one handler per job', () => {
    expect(handlerTableProblems(complete)).toEqual([]);
  });

  it('names a job without a handler', () => {
    expect(handlerTableProblems(complete.slice(1))).toEqual([
      `job "${complete[0].jobName}" has no handler`,
    ]);
  });

  it('names a job with two handlers and a handler of an unknown job', () => {
    const problems = handlerTableProblems([
      ...complete,
      { ...complete[0], owner: 'Other.run' },
      { jobName: 'ghost', owner: 'X.y' },
    ]);
    expect(problems).toEqual([
      'X.y handles unknown job "ghost"',
      `job "${complete[0].jobName}" has 2 handlers: ${complete[0].owner}, Other.run`,
    ]);
  });
});
