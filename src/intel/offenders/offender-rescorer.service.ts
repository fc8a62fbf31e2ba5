import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WorkerChore } from '../../jobs/worker-chore';
import { OffenderScoresRepository } from './offender-scores.repository';
import { riskScore } from './offender-risk';

const RESCORE_EVERY_MS = 60 * 60 * 1000;
const BATCH = 1000;

/**
 * In the worker role: the risk score's recency part fades with time, while linking recomputes a
 * score only when an offender's cases change. An hourly pass keeps "riskiest first" current.
 */
@Injectable()
export class OffenderRescorerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly chore = new WorkerChore(OffenderRescorerService.name, RESCORE_EVERY_MS, () =>
    this.rescore(),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scores: OffenderScoresRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.chore.start(this.config.role);
  }

  onApplicationShutdown(): void {
    this.chore.stop();
  }

  /** Rescores every offender with cases, a batch at a time; returns how many scores moved. */
  async rescore(now = new Date()): Promise<number> {
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
