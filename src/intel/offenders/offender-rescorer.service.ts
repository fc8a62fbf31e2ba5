import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { JobName } from '../../jobs/job-names';
import { OnJob } from '../../jobs/on-job.decorator';
import { OffenderScoresRepository } from './offender-scores.repository';
import { riskScore } from './offender-risk';

const BATCH = 1000;

/**
 * The risk score's recency part fades with time, while linking recomputes a score only when an
 * offender's cases change. A scheduled pass (SCHEDULE_OF_JOB, hourly) keeps "riskiest first"
 * current.
 */
@Injectable()
export class OffenderRescorerService {
  constructor(
    private readonly scores: OffenderScoresRepository,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.RescoreOffenders)
  async rescoreJob(): Promise<void> {
    await this.rescore();
  }

  /** Rescores every offender with cases, a batch at a time; returns how many scores moved. */
  async rescore(now = this.clock.now()): Promise<number> {
    let moved = 0;
    for (let after: string | undefined; ;) {
      const batch = await this.scores.batch(after, BATCH);
      if (batch.length === 0) return moved;
      const changed = batch
        .map((row) => ({ row, score: riskScore(row.facts, now) }))
        .filter(({ row, score }) => score !== row.riskScore);
      moved += await this.scores.save(
        changed.map(({ row, score }) => ({ id: row.id, score, updatedAt: row.updatedAt })),
      );
      after = batch[batch.length - 1].id;
    }
  }
}
