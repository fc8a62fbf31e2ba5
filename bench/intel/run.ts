import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureBuild, ROOT } from '../lib/build';
import { migrateDatabase } from '../lib/migrate';
import { REDIS_URL, registerSeller, scratchUploadsDir } from '../lib/bulwark';
import { resetStorage } from '../lib/storage';
import { stop, waitFor200 } from '../lib/children';
import { runChildScript } from '../evidence/child-scripts';
import { parseIntegerOptions, runMain, UsageError } from '../lib/options';
import { cpuSnapshot, cpuUse } from '../lib/cpu-usage';
import { fmt, loadAverage } from '../lib/report';
import { measureFlagLatency } from './flag-latency';
import type { LinkingArgs, LinkingResult } from './linking-child';
import { concurrentLookups, sequentialLookups } from './lookups';
import { printReport, SizeResults } from './report';
import { seededRandom } from './sample-cases';
import { BLOCK, CHAIN_SIZES, seedCases, seedChains, seedSellers, vacuumAnalyze } from './seed';
import { moderatorToken, newAdmin, startService } from './service';

// Cross-referencing at 10k and 1M seeded cases: the cost of linking one new case at both sizes,
// the same against a from-scratch linking of everything, the time from a second seller's
// complaint to the offender's flag with the built service running, and identifier lookups.
// Usage: npm run build && npm run bench:intel [-- --cases 1000000 --samples 300 ...]

const DATABASE = 'bulwark_bench_intel';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
const REDIS_KEY_PREFIX = 'bulwark_bench_intel';
const SMALL = 10_000;
const LINKING_WARM_UP = 20;
const FULL_RUNS = 3;
const PROFILED_SAMPLES = 50;
const CHAIN_SAMPLES = 3;
const FLAG_WARM_UP = 3;
const LOOKUP_WARM_UP = 200;
const LINKING_CHILD = join(ROOT, 'bench', 'intel', 'linking-child.ts');

const USAGE =
  'usage: npm run bench:intel [-- --cases N] [--samples N] [--new N] [--flags N] [--lookups N]\n' +
  '                           [--duration N] [--connections N]\n' +
  '  --cases N        the large size, a multiple of 20 above 10,000 (default 1000000)\n' +
  '  --samples N      linkCase samples sharing an identifier with a cluster (default 300)\n' +
  '  --new N          linkCase samples naming only new identifiers (default 50)\n' +
  '  --flags N        end-to-end runs from the second complaint to the flag (default 100)\n' +
  '  --lookups N      identifier lookups one at a time (default 2000)\n' +
  '  --duration N     seconds of concurrent lookups with autocannon (default 10)\n' +
  '  --connections N  autocannon connections (default 10)';

type Options = {
  cases: number;
  samples: number;
  new: number;
  flags: number;
  lookups: number;
  duration: number;
  connections: number;
};

function parseOptions(argv: string[]): Options {
  const options = parseIntegerOptions<Options>(
    argv,
    {
      cases: 1_000_000,
      samples: 300,
      new: 50,
      flags: 100,
      lookups: 2000,
      duration: 10,
      connections: 10,
    },
    USAGE,
  );
  if (options.cases <= SMALL || options.cases % BLOCK !== 0) {
    throw new UsageError(`--cases must be a multiple of ${BLOCK} above ${fmt(SMALL)}`);
  }
  return options;
}

/**
 * A digest of the build's JavaScript. The run takes minutes and reads dist/ at several moments
 * (each linking child, the service): a rebuild in between would compare two builds.
 */
function buildDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'dist'));
  return hash.digest('hex').slice(0, 12);
}

// ---- the database ----

const COUNTED = [
  'users',
  'cases',
  'identifiers',
  'sightings',
  'offender_members',
  'offenders',
] as const;

async function countRows(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, string>>(
    `SELECT ${COUNTED.map((name) => `(SELECT count(*) FROM ${name}) AS ${name}`).join(', ')}`,
  );
  return Object.fromEntries(COUNTED.map((name) => [name, Number(rows[0][name])]));
}

/** The CPU the service, its backends and this process used from here to `done`'s call. */
async function cpuDuring(client: Client, serverPid: number | undefined) {
  const backends = async () =>
    (
      await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
      )
    ).rows.map((row) => row.pid);
  const before = cpuSnapshot(serverPid, await backends());
  return async () => cpuUse(before, cpuSnapshot(serverPid, await backends()))?.others;
}

async function postgresSettings(client: Client): Promise<string> {
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'work_mem')`,
  );
  const of = (name: string) => rows.find((row) => row.name === name)?.setting ?? '?';
  return `PostgreSQL ${of('server_version')} on 127.0.0.1 (fsync=${of('fsync')}, synchronous_commit=${of('synchronous_commit')}, shared_buffers=${fmt((Number(of('shared_buffers')) * 8) / 1024)} MiB, work_mem=${fmt(Number(of('work_mem')) / 1024)} MiB); database ${DATABASE} and Redis prefix ${REDIS_KEY_PREFIX}, both emptied at the start of every run`;
}

// ---- the phases ----

function linkingAt(
  cases: number,
  options: Options,
  firstNumber: number,
  checkSeed: boolean,
  withChains: boolean,
): Promise<LinkingResult> {
  const bridges = Math.round(options.samples / 6);
  const args: LinkingArgs = {
    databaseUrl: DATABASE_URL,
    redisUrl: REDIS_URL,
    redisKeyPrefix: REDIS_KEY_PREFIX,
    uploadsDir: scratchUploadsDir(),
    seededCases: cases,
    counts: {
      'joins a cluster': options.samples - bridges,
      'bridges two clusters': bridges,
      'new identifiers': options.new,
    },
    warmUp: LINKING_WARM_UP,
    firstNumber,
    randomSeed: cases,
    checkSeed,
    fullRuns: FULL_RUNS,
    profiled: PROFILED_SAMPLES,
    chains: withChains ? CHAIN_SIZES : [],
    chainSamples: CHAIN_SAMPLES,
  };
  process.stdout.write(
    `  linkCase at ${fmt(cases)} cases: ${fmt(options.samples + options.new)} samples, ${FULL_RUNS} full recomputations${checkSeed ? ', seed checked first' : ''}`,
  );
  const started = Date.now();
  // The full recomputation holds every sighting in memory at once.
  return runChildScript<LinkingResult>(LINKING_CHILD, args, {
    NODE_OPTIONS: '--max-old-space-size=6144',
  }).then((result) => {
    const mean = result.samples.reduce((sum, sample) => sum + sample.ms, 0) / result.samples.length;
    const full = Math.min(...result.full.map((run) => run.loadMs + run.computeMs));
    console.log(
      ` (${fmt((Date.now() - started) / 1000)} s): linkCase mean ${fmt(mean, 2)} ms, full ${fmt(full)} ms`,
    );
    return result;
  });
}

async function seedSize(
  client: Client,
  first: number,
  last: number,
): Promise<Omit<SizeResults, 'linking'>> {
  process.stdout.write(`  seeding cases ${fmt(first)} to ${fmt(last)}`);
  if (first === 1) await seedSellers(client);
  const seed = await seedCases(client, first, last);
  if (first > 1) {
    const chains = await seedChains(client);
    seed.steps.push(...chains.steps);
    seed.seconds += chains.seconds;
  }
  const vacuumSeconds = await vacuumAnalyze(client);
  console.log(` (${fmt(seed.seconds + vacuumSeconds)} s)`);
  return { cases: last, seed, vacuumSeconds, rows: await countRows(client) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadBefore = loadAverage();
  ensureBuild();
  const builds = [buildDigest()];
  console.log(`bench:intel: ${DATABASE} seeded at ${fmt(SMALL)} and ${fmt(options.cases)} cases`);
  await resetStorage(DATABASE, REDIS_KEY_PREFIX);
  const migrateSeconds = await migrateDatabase(DATABASE_URL);

  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const smallSeed = await seedSize(client, 1, SMALL);
    const small = { ...smallSeed, linking: await linkingAt(SMALL, options, 0, true, false) };
    builds.push(buildDigest());
    const largeSeed = await seedSize(client, SMALL + 1, options.cases);
    const large = {
      ...largeSeed,
      linking: await linkingAt(options.cases, options, 1_000_000, false, true),
    };
    builds.push(buildDigest());

    const admin = newAdmin();
    const service = await startService({
      databaseUrl: DATABASE_URL,
      redisKeyPrefix: REDIS_KEY_PREFIX,
      preferredPort: 3930,
      admin,
    });
    let results;
    try {
      await waitFor200(service, '/health/ready');
      const sellers = [await registerSeller(service.base), await registerSeller(service.base)] as [
        Awaited<ReturnType<typeof registerSeller>>,
        Awaited<ReturnType<typeof registerSeller>>,
      ];
      process.stdout.write(`  second complaint to flag: ${options.flags} runs`);
      const flagsCpu = await cpuDuring(client, service.process.pid);
      const flags = await measureFlagLatency(
        service.base,
        client,
        sellers,
        options.flags,
        FLAG_WARM_UP,
        seededRandom(7),
      );
      const flagsRestCpus = await flagsCpu();
      console.log(
        `, p50 ${fmt(flags.map((run) => run.ms).sort((a, b) => a - b)[flags.length >> 1])} ms`,
      );

      const token = await moderatorToken(service.base, admin);
      const random = seededRandom(42);
      process.stdout.write(`  lookups: ${fmt(options.lookups)} one at a time`);
      await sequentialLookups(service.base, token, LOOKUP_WARM_UP, options.cases, random);
      const sequentialCpu = await cpuDuring(client, service.process.pid);
      const lookups = await sequentialLookups(
        service.base,
        token,
        options.lookups,
        options.cases,
        random,
      );
      const sequentialRestCpus = await sequentialCpu();
      process.stdout.write(`, then ${options.duration} s with autocannon`);
      const concurrency = { connections: options.connections, duration: options.duration };
      const concurrentCpu = await cpuDuring(client, service.process.pid);
      const concurrent = await concurrentLookups(
        service.base,
        token,
        concurrency,
        options.cases,
        random,
      );
      const concurrentRestCpus = await concurrentCpu();
      console.log(` -> ${fmt(concurrent.requests.average)} req/s`);
      results = {
        flags,
        flagsRestCpus,
        lookups,
        sequentialRestCpus,
        concurrent,
        concurrentRestCpus,
        concurrency,
      };
    } finally {
      await stop(service);
    }
    builds.push(buildDigest());
    const rebuilt = new Set(builds).size > 1;

    const clean = printReport({
      loadBefore,
      settings: [
        await postgresSettings(client),
        `linkCase and the full recomputation ran in a child process (plain JavaScript, the build's modules); the end-to-end and lookup figures against one \`node dist/src/main.js\` with BULWARK_ROLE=all`,
        rebuilt
          ? `WARNING: dist/ changed during the run (digests ${builds.join(', ')} at the start, after 10k, after the large size and at the end): the figures may come from different builds`
          : `build digest ${builds[0]} (sha256 of dist/**/*.js), unchanged throughout the run`,
      ],
      migrateSeconds,
      small,
      large,
      flagWarmUp: FLAG_WARM_UP,
      linkingWarmUp: LINKING_WARM_UP,
      ...results,
    });
    if (!clean) process.exitCode = 1;
  } finally {
    await client.end();
  }
}

runMain('bench:intel', USAGE, main);
