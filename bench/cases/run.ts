import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { Client } from 'pg';
import { ensureBuild, ROOT } from '../lib/build';
import { benchBothTargets } from '../lib/baseline';
import { Seller } from '../lib/bulwark';
import { sleep, stop, Target, waitFor200 } from '../lib/children';
import { printProfileSummary, summariseProfile, Window } from '../lib/cpu-profile';
import { cpuSnapshot, CpuUse, cpuUse } from '../lib/cpu-usage';
import { load, LoadRequest } from '../lib/load';
import { LoadOptions, parseOptions, runMain } from '../lib/options';
import { checkFailures, fmt, loadAverage, printMachine, printRuns, table } from '../lib/report';
import { extortionCase, knownIdentifiers, refusedBodies, runStamp } from './bodies';

// POST /v1/cases: throughput and latency of the built Bulwark API against a bare Express 5 route
// that validates the same body and writes the same rows with pg, one after the other, into the
// same database. autocannon runs in this process.
// Usage: npm run build && npm run bench:cases [-- --duration 10 --connections 20 --cpu-prof]

const DATABASE = 'bulwark_bench_cases';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const BARE = join(ROOT, 'bench', 'cases', 'bare-express.ts');
const WARM_UP_SECONDS = 3;
const ROUTE = 'POST /v1/cases';
const TARGETS = { throughput: 0.6, p99: 2 };
const USAGE =
  'usage: npm run bench:cases [-- --duration N] [--connections N] [--cpu-prof]\n' +
  '  --cpu-prof  profile both servers with node --cpu-prof and print where their CPU time went';
const loadBefore = loadAverage();

// ---- the database ----

const TABLES = [
  'cases',
  'reported_parties',
  'identifiers',
  'sightings',
  'case_events',
  'outbox',
] as const;
type Counts = Record<(typeof TABLES)[number], number>;

/** A fresh database for every run: Bulwark creates and migrates it when it starts. */
async function dropDatabase(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function countRows(): Promise<Counts> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT ${TABLES.map((name) => `(SELECT count(*) FROM ${name}) AS ${name}`).join(', ')}`,
    );
    return Object.fromEntries(TABLES.map((name) => [name, Number(rows[0][name])])) as Counts;
  });
}

/**
 * Before each target: vacuums away the dead rows and refreshes the statistics the previous one
 * left, and writes out dirty pages now rather than during the next measurement.
 */
function checkpoint(): Promise<void> {
  return withDatabase(async (client) => {
    await client.query('VACUUM ANALYZE');
    await client.query('CHECKPOINT');
  });
}

/** The identifiers the bodies repeat, so that they are known to both targets from the start. */
function seedKnownIdentifiers(): Promise<void> {
  const known = knownIdentifiers();
  return withDatabase(async (client) => {
    await client.query(
      `INSERT INTO identifiers (kind, scope, value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (kind, scope, value) DO NOTHING`,
      [known.map((id) => id.kind), known.map((id) => id.scope), known.map((id) => id.value)],
    );
  });
}

/** Backends connected to the benchmark database, other than this process's own. */
function backendPids(): Promise<number[]> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [DATABASE],
    );
    return rows.map((row) => row.pid);
  });
}

async function postgresSettings(): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers')
        ORDER BY name`,
    );
    const of = (name: string) => rows.find((row) => row.name === name)?.setting ?? '?';
    return `PostgreSQL ${of('server_version')} on 127.0.0.1 (fsync=${of('fsync')}, synchronous_commit=${of('synchronous_commit')}, shared_buffers=${fmt((Number(of('shared_buffers')) * 8) / 1024)} MiB); both targets write to the database ${DATABASE}, dropped at the start of every run`;
  });
}

// ---- the requests ----

let requestNumber = 0;
const stamp = runStamp();

function caseRequest(token: string): LoadRequest {
  return {
    method: 'POST',
    path: '/v1/cases',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify(extortionCase(requestNumber++, stamp)),
    }),
  };
}

interface CreatedCase {
  id?: string;
  reference?: string;
  reported?: { identifiers?: { kind?: string; value?: string }[] }[];
  guidance?: { platform?: string };
  [field: string]: unknown;
}

/** One filing before the load: 201, a reference, canonical identifiers, the guidance block. */
async function checkCreate(target: Target, token: string): Promise<CreatedCase> {
  const response = await fetch(`${target.base}/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(extortionCase(requestNumber++, stamp)),
  });
  const body = (await response.json()) as CreatedCase;
  const values = body.reported?.[0]?.identifiers?.map((identifier) => identifier.value) ?? [];
  const phone = values.find((value) => value?.startsWith('+86'));
  if (
    response.status !== 201 ||
    !/^BW-[0-9A-Z]{6}$/.test(body.reference ?? '') ||
    response.headers.get('location') !== `/v1/cases/${body.id}` ||
    values.length !== 3 ||
    !phone ||
    body.guidance?.platform !== 'taobao'
  ) {
    throw new Error(
      `${target.name}: ${ROUTE} answered ${response.status} ${JSON.stringify(body).slice(0, 2_000)}`,
    );
  }
  return body;
}

/** The status each refused body gets, by name. */
async function refusals(target: Target, token: string): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  for (const { name, body } of refusedBodies(stamp)) {
    const response = await fetch(`${target.base}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    statuses.set(name, response.status);
  }
  return statuses;
}

// ---- measuring ----

interface Measurement {
  target: string;
  result: autocannon.Result;
  /** 2xx answers: the check, the warm-up and the measured run. */
  answered2xx: number;
  rows: Counts;
  cpu?: CpuUse;
  /** The measured run on the monotonic clock, in microseconds. */
  window: Window;
  /** What the target answered to each refused body. */
  refused: Map<string, number>;
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

async function benchTarget(
  target: Target,
  readyPath: string,
  seller: () => Promise<Seller>,
  options: LoadOptions,
): Promise<{ measurement: Measurement; seller: Seller; sample: CreatedCase }> {
  try {
    await waitFor200(target, readyPath);
    const auth = await seller();
    await seedKnownIdentifiers();
    await checkpoint();
    const before = await countRows();
    const sample = await checkCreate(target, auth.accessToken);
    const refused = await refusals(target, auth.accessToken);
    const run = (duration: number) =>
      load({
        url: target.base,
        connections: options.connections,
        duration,
        requests: [caseRequest(auth.accessToken)],
      });
    process.stdout.write(`  ${target.name} ${ROUTE}: warm-up ${WARM_UP_SECONDS} s`);
    const warmUp = await run(WARM_UP_SECONDS);
    process.stdout.write(`, measuring ${options.duration} s`);
    const cpuBefore = cpuSnapshot(target.process.pid, await backendPids());
    const from = monotonicMicros();
    const result = await run(options.duration);
    const window = { from, to: monotonicMicros() };
    const cpu = cpuUse(cpuBefore, cpuSnapshot(target.process.pid, await backendPids()));
    console.log(` -> ${Math.round(result.requests.average)} req/s`);
    // Requests still in flight when autocannon stopped finish before the server is stopped.
    await sleep(1_000);
    await stop(target);
    const after = await countRows();
    const rows = Object.fromEntries(
      TABLES.map((name) => [name, after[name] - before[name]]),
    ) as Counts;
    return {
      measurement: {
        target: target.name,
        result,
        answered2xx: 1 + warmUp['2xx'] + result['2xx'],
        rows,
        cpu,
        window,
        refused,
      },
      seller: auth,
      sample,
    };
  } finally {
    await stop(target);
  }
}

// ---- output ----

const verdict = (met: boolean) => (met ? 'met' : 'not met');

function report(measurements: Measurement[], options: LoadOptions, settings: string[]): boolean {
  printMachine(loadBefore, [
    `autocannon: ${options.connections} connections, ${options.duration} s per target after a ${WARM_UP_SECONDS} s warm-up; it runs in the bench process on the same machine`,
    ...settings,
  ]);

  const runs = measurements.map(({ target, result }) => ({ target, route: ROUTE, result }));
  printRuns(runs);

  const [bulwark, bare] = measurements.map((m) => m.result);
  const throughput = bulwark.requests.average / bare.requests.average;
  const p99 = bulwark.latency.p99 / bare.latency.p99;
  console.log('\n## Bulwark against bare Express\n');
  console.log(
    table(
      ['measure', 'Bulwark', 'bare Express', 'ratio', 'target', 'result'],
      [
        [
          'req/s',
          fmt(bulwark.requests.average),
          fmt(bare.requests.average),
          `${fmt(throughput, 2)}x`,
          `≥ ${fmt(TARGETS.throughput, 2)}x`,
          verdict(throughput >= TARGETS.throughput),
        ],
        [
          'p99 ms',
          fmt(bulwark.latency.p99),
          fmt(bare.latency.p99),
          `${fmt(p99, 2)}x`,
          `≤ ${fmt(TARGETS.p99, 2)}x`,
          verdict(p99 <= TARGETS.p99),
        ],
      ],
    ),
  );

  const withCpu = measurements.filter((m) => m.cpu);
  if (withCpu.length > 0) {
    console.log('\n## CPU during the measured run\n');
    console.log(
      table(
        [
          'target',
          'server ms/request',
          'its PostgreSQL backends ms/request',
          'autocannon ms/request',
          'machine busy',
          'rest of the machine',
        ],
        withCpu.map(({ target, cpu, result }) => {
          const perRequest = (ms: number) => fmt(ms / Math.max(1, result['2xx']), 2);
          return [
            target,
            perRequest(cpu!.server),
            perRequest(cpu!.postgres),
            perRequest(cpu!.bench),
            `${fmt(cpu!.machineBusy * 100)} %`,
            `${fmt(cpu!.others, 2)} CPU`,
          ];
        }),
      ),
    );
  }

  console.log('\n## Rows each target added\n');
  console.log(
    table(
      ['target', '2xx answers', ...TABLES],
      measurements.map(({ target, answered2xx, rows }) => [
        target,
        fmt(answered2xx),
        ...TABLES.map((name) => fmt(rows[name])),
      ]),
    ),
  );
  console.log(
    '\n2xx answers counts the check request, the warm-up and the measured run. cases can exceed it by at most the requests in flight when autocannon stopped (up to 2 x connections): the server still committed them.',
  );

  // The baseline must refuse what Bulwark refuses, as Bulwark does.
  const expected = refusedBodies(stamp);
  const mismatches = expected.flatMap(({ name, status }) =>
    measurements
      .filter((m) => m.refused.get(name) !== status)
      .map((m) => `${m.target} answered ${m.refused.get(name)} to "${name}" (expected ${status})`),
  );
  console.log(
    mismatches.length === 0
      ? `\nBoth targets refused the ${expected.length} invalid filings of bench/cases/bodies.ts with the same statuses.`
      : `\nwarning: the targets do not apply the same rules: ${mismatches.join('; ')}.`,
  );

  let clean = checkFailures(runs);
  for (const { target, answered2xx, rows } of measurements) {
    const inFlight = rows.cases - answered2xx;
    if (inFlight < 0 || inFlight > 2 * options.connections) {
      clean = false;
      console.log(
        `\nFAILED: ${target} answered ${answered2xx} times 2xx but added ${rows.cases} cases.`,
      );
    }
  }
  return clean;
}

function printProfile(
  dir: string,
  { target, result, window }: Measurement,
  counts: { packages: number; functions: number },
): void {
  console.log(`\n## Where ${target} spent its CPU\n`);
  const [file] = existsSync(dir)
    ? readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))
    : [];
  if (!file) {
    console.log(`No profile was written to ${dir}.`);
    return;
  }
  console.log(`Profile: ${join(dir, file)} (Chrome DevTools or speedscope open it)\n`);
  printProfileSummary(summariseProfile(join(dir, file), window), result['2xx'], counts);
}

/** How the baseline's 201 body differs from Bulwark's at the top level, if it does. */
function compareShapes(bulwark: CreatedCase, bare: CreatedCase): string | undefined {
  const missing = Object.keys(bulwark).filter((name) => !(name in bare));
  const extra = Object.keys(bare).filter((name) => !(name in bulwark));
  if (missing.length + extra.length === 0) return undefined;
  return `the bare response differs from Bulwark's: missing ${missing.join(', ') || 'nothing'}, extra ${extra.join(', ') || 'nothing'}`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), { duration: 10, connections: 20 }, USAGE, [
    '--cpu-prof',
  ]);
  const profile = options.switches.has('--cpu-prof');
  ensureBuild();
  await dropDatabase();

  const profileDir = profile ? mkdtempSync(join(os.tmpdir(), 'bulwark-bench-cpu-prof-')) : '';
  // The profile is written when the process exits normally. The bare app exits on SIGTERM;
  // Nest's shutdown hook re-raises SIGTERM after closing, which would end Bulwark without writing
  // it, so Bulwark is made to exit at once instead.
  const profileArgs = (name: string, exitOnSigterm: boolean) =>
    profile
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${join(profileDir, name)}`,
          ...(exitOnSigterm
            ? ['--import', "data:text/javascript,process.once('SIGTERM',()=>process.exit(0))"]
            : []),
        ]
      : [];

  const note = profile ? '--cpu-prof' : undefined;
  const [first, second] = await benchBothTargets(
    {
      databaseUrl: DATABASE_URL,
      bulwark: {
        preferredPort: 3910,
        redisKeyPrefix: 'bulwark_bench_cases',
        nodeArgs: profileArgs('bulwark', true),
        note,
      },
      baseline: { entry: BARE, preferredPort: 3911, nodeArgs: profileArgs('bare', false), note },
    },
    (target, readyPath, seller) => benchTarget(target, readyPath, seller, options),
  );

  const settings = [await postgresSettings()];
  const shape = compareShapes(first.sample, second.sample);
  if (profile) {
    settings.push(
      'both servers ran under the V8 CPU profiler (--cpu-prof): their numbers are lower than without',
    );
  }
  const clean = report([first.measurement, second.measurement], options, settings);
  if (shape) {
    console.log(`\nwarning: ${shape}.`);
  }

  if (profile) {
    printProfile(join(profileDir, 'bulwark'), first.measurement, { packages: 20, functions: 30 });
    printProfile(join(profileDir, 'bare'), second.measurement, { packages: 12, functions: 15 });
  }
  if (!clean) process.exitCode = 1;
}

runMain('bench:cases', USAGE, main);
