import { join } from 'node:path';
import { Client } from 'pg';
import { ensureBuild, ROOT } from '../lib/build';
import { REDIS_URL, scratchUploadsDir } from '../lib/bulwark';
import { stop, waitFor200 } from '../lib/children';
import { migrateDatabase } from '../lib/migrate';
import { parseIntegerOptions, runMain, UsageError } from '../lib/options';
import { fmt, loadAverage, printMachine, table } from '../lib/report';
import { resetStorage } from '../lib/storage';
import { runChildScript } from '../evidence/child-scripts';
import { seedCases, seedChains, seedSellers, vacuumAnalyze, BLOCK } from '../intel/seed';
import { moderatorToken, newAdmin, startService } from '../intel/service';
import { claimRace, ClaimRound, deepPages, firstPages, unclaimedCases } from './probes';
import type { RankingArgs, RankingResult } from './ranking-child';

// The moderation queue at 1M seeded cases, 100k of them open: its first page and a page 100k
// deep, claims raced by 50 moderators, and ranking the 1,000 open cases of a flagged offender.
// Usage: npm run build && npm run bench:moderation [-- --cases 1000000 --samples 200 ...]

const DATABASE = 'bulwark_bench_moderation';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
const REDIS_KEY_PREFIX = 'bulwark_bench_moderation';
const RANKING_CHILD = join(ROOT, 'bench', 'moderation', 'ranking-child.ts');
const WARM_UP = 20;
const PAGE = 50;
/** The queue pages the issue names: p95 of each under this, the deep one within DEEP_RATIO. */
const PAGE_P95_MS = 50;
const DEEP_RATIO = 1.5;

const USAGE =
  'usage: npm run bench:moderation [-- --cases N] [--open-percent N] [--depth N] [--samples N]\n' +
  '                                [--moderators N] [--rounds N] [--flags N]\n' +
  '  --cases N         seeded cases, a multiple of 20 (default 1000000)\n' +
  '  --open-percent N  of them still open (default 10)\n' +
  '  --depth N         where the deep page starts in the queue (default 100000)\n' +
  '  --samples N       requests per queue page measured (default 200)\n' +
  '  --moderators N    moderators racing for each claim (default 50)\n' +
  '  --rounds N        cases raced for (default 40)\n' +
  '  --flags N         runs of ranking a flagged offender’s cases (default 10)';

type Options = {
  cases: number;
  'open-percent': number;
  depth: number;
  samples: number;
  moderators: number;
  rounds: number;
  flags: number;
};

function parseOptions(argv: string[]): Options {
  const options = parseIntegerOptions<Options>(
    argv,
    {
      cases: 1_000_000,
      'open-percent': 10,
      depth: 100_000,
      samples: 200,
      moderators: 50,
      rounds: 40,
      flags: 10,
    },
    USAGE,
  );
  if (options.cases % BLOCK !== 0) throw new UsageError(`--cases must be a multiple of ${BLOCK}`);
  if (options['open-percent'] > 100) throw new UsageError('--open-percent is at most 100');
  return options;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

/** Decides all but `openPercent` of the seeded cases; every case waits since its filing. */
async function decideMost(client: Client, openPercent: number): Promise<void> {
  await client.query(
    `UPDATE cases SET status = 'resolved',
            outcome = CASE WHEN hashtext(id::text) & 3 = 0 THEN 'rejected' ELSE 'upheld' END,
            decided_at = created_at + interval '2 days', waiting_since = created_at
      WHERE (hashtext(id::text) & 2147483647) % 100 >= $1`,
    [openPercent],
  );
  await client.query(`UPDATE cases SET waiting_since = created_at WHERE status = 'open'`);
}

/** A cursor `depth` items into the walk that `first` began, made with the build's own codec. */
async function deepCursor(first: string, depth: number): Promise<string> {
  const codec = (await import(
    join(ROOT, 'dist', 'src', 'moderation', 'queue-cursor.js')
  )) as typeof import('../../src/moderation/queue-cursor');
  const walk = codec.decodeQueueCursor(first);
  if (!walk) throw new Error('the first page gave no cursor of this build');
  return codec.encodeQueueCursor({ walkId: walk.walkId, offset: depth });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadBefore = loadAverage();
  ensureBuild();
  console.log(`bench:moderation: ${DATABASE} seeded with ${fmt(options.cases)} cases`);
  await resetStorage(DATABASE, REDIS_KEY_PREFIX);
  await migrateDatabase(DATABASE_URL);
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const seedStart = Date.now();
    await seedSellers(client);
    await seedCases(client, 1, options.cases);
    await decideMost(client, options['open-percent']);
    await seedChains(client);
    await client.query(`UPDATE cases SET waiting_since = created_at WHERE status = 'open'`);
    await vacuumAnalyze(client);
    console.log(`  seeded in ${fmt((Date.now() - seedStart) / 1000)} s`);

    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM offenders ORDER BY abs(case_count - 1000), id LIMIT 1',
    );
    const args: RankingArgs = {
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      redisKeyPrefix: REDIS_KEY_PREFIX,
      uploadsDir: scratchUploadsDir(),
      flaggedOffenderId: rows[0].id,
      flagRuns: options.flags,
    };
    process.stdout.write('  ranking every open case, then a flagged offender’s, in a child');
    const ranking = await runChildScript<RankingResult>(RANKING_CHILD, args);
    await vacuumAnalyze(client);
    console.log(` (${fmt(ranking.rankAllSeconds, 1)} s for ${fmt(ranking.openCases)})`);

    const admin = newAdmin();
    const service = await startService({
      databaseUrl: DATABASE_URL,
      redisKeyPrefix: REDIS_KEY_PREFIX,
      preferredPort: 3940,
      admin,
    });
    let first;
    let deep;
    const rounds: ClaimRound[] = [];
    try {
      await waitFor200(service, '/health/ready');
      const tokens: string[] = [];
      for (let i = 0; i < options.moderators; i += 1)
        tokens.push(await moderatorToken(service.base, admin));
      process.stdout.write(`  queue pages: ${options.samples} first pages`);
      first = await firstPages(service.base, tokens[0], options.samples, WARM_UP);
      if (first.pending < options.depth + PAGE) {
        throw new Error(`the queue holds ${first.pending} cases, fewer than --depth + ${PAGE}`);
      }
      const start = (await (
        await fetch(`${service.base}/v1/moderation/queue?limit=${PAGE}`, {
          headers: { authorization: `Bearer ${tokens[0]}` },
        })
      ).json()) as { nextCursor: string };
      process.stdout.write(`, ${options.samples} pages ${fmt(options.depth)} deep`);
      deep = await deepPages(
        service.base,
        tokens[0],
        await deepCursor(start.nextCursor, options.depth),
        options.samples,
        WARM_UP,
      );
      process.stdout.write(`; ${options.rounds} claims raced by ${options.moderators}`);
      for (const caseId of await unclaimedCases(service.base, tokens[0], options.rounds)) {
        rounds.push(await claimRace(service.base, tokens, caseId));
      }
      console.log();
    } finally {
      await stop(service);
    }

    const claimMs = rounds.flatMap((round) => round.ms);
    const doubleClaims = rounds.filter((round) => round.won !== 1).length;
    const odd = rounds.reduce((sum, round) => sum + round.other, 0);
    const oddStatuses = rounds.reduce<Record<string, number>>((all, round) => {
      for (const [status, count] of Object.entries(round.otherStatuses)) {
        all[status] = (all[status] ?? 0) + count;
      }
      return all;
    }, {});
    const firstP95 = percentile(first.ms, 0.95);
    const deepP95 = percentile(deep.ms, 0.95);
    const flagMedian = percentile(ranking.flagMs, 0.5);

    console.log('\n# Moderation benchmark\n');
    printMachine(loadBefore, [
      `${fmt(options.cases)} seeded cases and the 3,100 of the large offenders; ${fmt(first.pending)} in the queue`,
      'the built service as one process (BULWARK_ROLE=all); ranking in a child process of the build',
    ]);
    console.log('\n## Figures\n');
    console.log(
      table(
        ['measure', 'p50', 'p95', 'target'],
        [
          [
            'queue, first page (starts a walk)',
            `${fmt(percentile(first.ms, 0.5), 1)} ms`,
            `${fmt(firstP95, 1)} ms`,
            `p95 < ${PAGE_P95_MS} ms`,
          ],
          [
            `queue, page ${fmt(options.depth)} deep`,
            `${fmt(percentile(deep.ms, 0.5), 1)} ms`,
            `${fmt(deepP95, 1)} ms`,
            `p95 < ${PAGE_P95_MS} ms, within ${DEEP_RATIO}x of the first`,
          ],
          [
            `claim, ${options.moderators} moderators at once`,
            `${fmt(percentile(claimMs, 0.5), 1)} ms`,
            `${fmt(percentile(claimMs, 0.95), 1)} ms`,
            'none set; one winner each',
          ],
        ],
      ),
    );
    console.log(
      `\n- double claims: ${doubleClaims} of ${rounds.length} cases (each had exactly one winner: ${doubleClaims === 0 ? 'yes' : 'no'}); other answers: ${odd} ${JSON.stringify(oddStatuses)}`,
    );
    console.log(
      `- ranking a flagged offender's ${fmt(ranking.flaggedCases)} open cases (the job it starts): median ${fmt(flagMedian)} ms, ${fmt((ranking.flaggedCases / flagMedian) * 1000)} cases/s`,
    );
    console.log(
      `- ranking all ${fmt(ranking.openCases)} open cases once: ${fmt(ranking.rankAllSeconds, 1)} s, ${fmt(ranking.openCases / ranking.rankAllSeconds)} cases/s`,
    );
    const met = firstP95 < PAGE_P95_MS && deepP95 < PAGE_P95_MS && deepP95 <= DEEP_RATIO * firstP95;
    console.log(`- queue targets met: ${met ? 'yes' : 'no'}`);
    if (doubleClaims > 0 || odd > 0) process.exitCode = 1;
  } finally {
    await client.end();
  }
}

runMain('bench:moderation', USAGE, main);
