import { DataSource } from 'typeorm';
import { OffenderFactsService } from '../../src/intel/offenders/offender-facts.service';
import { OutboxEvent } from '../../src/jobs/job-names';
import { QueueRankerService } from '../../src/moderation/queue-ranker.service';
import { childMain } from '../evidence/child-main';
import { openApiContext } from '../lib/api-context';

// Run as plain JavaScript against the build (bench/evidence/child-scripts.ts): a Nest application
// context of the built AppModule in the api role (no worker: nothing else ranks), whose
// QueueRankerService ranks every open case of the seed, then runs the job a flagged offender
// starts, over the seeded offender with 1,000 open cases.

export interface RankingArgs {
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  uploadsDir: string;
  flaggedOffenderId: string;
  flagRuns: number;
}

export interface RankingResult {
  openCases: number;
  rankAllSeconds: number;
  flaggedCases: number;
  flagMs: number[];
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

childMain<RankingArgs, RankingResult>(async (args) => {
  const app = await openApiContext(args);
  try {
    const db = app.get(DataSource);
    const ranker = app.get(QueueRankerService);
    const open: { id: string }[] = await db.query(
      `SELECT id FROM cases WHERE status IN ('open', 'in_review', 'awaiting_seller', 'escalated')`,
    );
    const start = process.hrtime.bigint();
    await ranker.rank(open.map((row) => row.id));
    const rankAllSeconds = elapsedMs(start) / 1000;

    const flaggedCases = (
      await app.get(OffenderFactsService).casesOf(db.manager, args.flaggedOffenderId)
    ).length;
    const flagMs: number[] = [];
    for (let run = 0; run < args.flagRuns; run += 1) {
      const begun = process.hrtime.bigint();
      await ranker.rankOffenderJob({
        event: OutboxEvent.OffenderFlagged,
        payload: { offenderId: args.flaggedOffenderId },
        jobId: `bench-${run}`,
        attempt: 1,
      });
      flagMs.push(elapsedMs(begun));
    }
    return { openCases: open.length, rankAllSeconds, flaggedCases, flagMs };
  } finally {
    await app.close();
  }
});
