import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuild, ROOT } from '../lib/build';
import { baseEnv, launchBulwark, registerSeller, Seller } from '../lib/bulwark';
import { freePort, launch, removeOnExit, stop, Target, waitFor200 } from '../lib/children';
import { LoadOptions as Options, parseOptions, UsageError } from '../lib/options';
import { fmt, loadAverage, printMachine, table } from '../lib/report';

// HTTP throughput of the built Bulwark API against a bare Express 5 baseline serving the same
// two routes. Each target runs alone in its own child process; autocannon runs in this one.
// Usage: npm run build && npm run bench:http [-- --duration 10 --connections 50]

const BARE = join(ROOT, 'bench', 'http', 'bare-express.ts');
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bulwark_bench';
const WARM_UP_SECONDS = 3;
const USAGE = 'usage: npm run bench:http [-- --duration N] [--connections N]';
const loadBefore = loadAverage();

// ---- measuring ----

interface Route {
  path: string;
  label: string;
  auth: boolean;
}

const ROUTES: Route[] = [
  { path: '/health/live', label: 'GET /health/live', auth: false },
  { path: '/v1/me', label: 'GET /v1/me', auth: true },
];

interface Measurement {
  target: string;
  route: string;
  result: autocannon.Result;
}

async function measure(
  target: Target,
  route: Route,
  token: string,
  options: Options,
): Promise<Measurement> {
  const base: autocannon.Options = {
    url: target.base + route.path,
    connections: options.connections,
    headers: route.auth ? { authorization: `Bearer ${token}` } : {},
  };
  process.stdout.write(`  ${target.name} ${route.label}: warm-up ${WARM_UP_SECONDS} s`);
  await autocannon({ ...base, duration: WARM_UP_SECONDS });
  process.stdout.write(`, measuring ${options.duration} s`);
  const result = await autocannon({ ...base, duration: options.duration });
  console.log(` -> ${Math.round(result.requests.average)} req/s`);
  return { target: target.name, route: route.label, result };
}

async function checkMe(target: Target, token: string, userId: string): Promise<void> {
  const response = await fetch(`${target.base}/v1/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 200 || body.id !== userId) {
    throw new Error(
      `${target.name}: GET /v1/me answered ${response.status} ${JSON.stringify(body)}`,
    );
  }
}

async function benchTarget(
  target: Target,
  readyPath: string,
  token: () => Promise<Seller>,
  options: Options,
): Promise<{ measurements: Measurement[]; auth: Seller }> {
  try {
    await waitFor200(target, readyPath);
    const auth = await token();
    await checkMe(target, auth.accessToken, auth.userId);
    const measurements: Measurement[] = [];
    for (const route of ROUTES) {
      measurements.push(await measure(target, route, auth.accessToken, options));
    }
    return { measurements, auth };
  } finally {
    await stop(target);
  }
}

// ---- output ----

function report(measurements: Measurement[], options: Options): boolean {
  printMachine(loadBefore, [
    `autocannon: ${options.connections} connections, ${options.duration} s per route after a ${WARM_UP_SECONDS} s warm-up; it runs in the bench process on the same machine`,
  ]);

  console.log('\n## Runs\n');
  console.log(
    table(
      [
        'target',
        'route',
        'req/s (avg)',
        'p50 ms',
        'p97.5 ms',
        'p99 ms',
        'non-2xx',
        'errors',
        'timeouts',
      ],
      measurements.map(({ target, route, result }) => [
        target,
        route,
        fmt(result.requests.average),
        fmt(result.latency.p50),
        fmt(result.latency.p97_5),
        fmt(result.latency.p99),
        String(result.non2xx),
        String(result.errors),
        String(result.timeouts),
      ]),
    ),
  );

  console.log('\n## Bulwark against bare Express\n');
  const of = (target: string, route: string) =>
    measurements.find((m) => m.target === target && m.route === route)!.result;
  console.log(
    table(
      ['route', 'Bulwark req/s', 'bare Express req/s', 'ratio', 'Bulwark p99 ms', 'bare p99 ms'],
      ROUTES.map(({ label }) => {
        const bulwark = of('Bulwark', label);
        const bare = of('bare Express', label);
        return [
          label,
          fmt(bulwark.requests.average),
          fmt(bare.requests.average),
          `${fmt(bulwark.requests.average / bare.requests.average, 2)}x`,
          fmt(bulwark.latency.p99),
          fmt(bare.latency.p99),
        ];
      }),
    ),
  );

  const failed = measurements.filter(
    (m) => m.result.non2xx + m.result.errors + m.result.timeouts > 0,
  );
  for (const { target, route, result } of failed) {
    console.log(
      `\nwarning: ${target} ${route} had ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts: its numbers are not a clean measurement.`,
    );
  }
  return failed.length === 0;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), { duration: 10, connections: 50 }, USAGE);
  ensureBuild();

  const jwtSecret = randomBytes(32).toString('hex');
  const uploads = mkdtempSync(join(os.tmpdir(), 'bulwark-bench-uploads-'));
  removeOnExit(uploads);

  const bulwarkPort = await freePort(3900);
  console.log(`Bulwark (node dist/src/main.js, BULWARK_ROLE=api) on port ${bulwarkPort}`);
  const bulwark = launchBulwark({
    port: bulwarkPort,
    databaseUrl: DATABASE_URL,
    jwtSecret,
    uploadsDir: uploads,
    redisKeyPrefix: 'bulwark_bench',
  });
  const first = await benchTarget(
    bulwark,
    '/health/ready',
    () => registerSeller(bulwark.base),
    options,
  );

  const barePort = await freePort(3901);
  console.log(`bare Express (bench/http/bare-express.ts) on port ${barePort}`);
  const bare = launch(
    'bare Express',
    ['-r', 'ts-node/register/transpile-only', BARE],
    { ...baseEnv(DATABASE_URL, jwtSecret), PORT: String(barePort) },
    barePort,
  );
  const second = await benchTarget(bare, '/health/live', async () => first.auth, options);

  if (!report([...first.measurements, ...second.measurements], options)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench:http: ${error.message}`);
    console.error(USAGE);
  } else {
    console.error(`bench:http failed: ${(error as Error)?.stack ?? String(error)}`);
  }
  process.exit(1);
});
