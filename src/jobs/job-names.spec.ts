import { JobName, JOBS_OF_EVENT, SCHEDULE_OF_JOB } from './job-names';

describe('what starts each job', () => {
  it('starts every job by an event or by its schedule, never both and never neither', () => {
    const byEvent = new Set<string>(Object.values(JOBS_OF_EVENT).flat());
    const jobs = Object.values(JobName);
    const scheduled = (jobName: JobName) => jobName in SCHEDULE_OF_JOB;
    expect(jobs.filter((jobName) => byEvent.has(jobName) && scheduled(jobName))).toEqual([]);
    expect(jobs.filter((jobName) => !byEvent.has(jobName) && !scheduled(jobName))).toEqual([]);
  });
});
