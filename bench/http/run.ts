import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuild, ROOT } from '../lib/build';
import { benchBothTargets } from '../lib/baseline';
import { Seller } from '../lib/bulwark';
import { stop, Target, waitFor200 } from '../lib/children';
import { LoadOptions as Options, parseOptions, runMain } from '../lib/options';
import {
  checkFailures,
  fmt,
  loadAverage,
  printMachine,
  printRuns,
  Run,
  table,
} from '../lib/report';

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

async function measure(
  target: Target,
  route: Route,
  token: string,
  options: Options,
): Promise<Run> {
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
  seller: () => Promise<Seller>,
  options: Options,
): Promise<{ measurements: Run[]; seller: Seller }> {
  try {
    await waitFor200(target, readyPath);
    const auth = await seller();
    await checkMe(target, auth.accessToken, auth.userId);
    const measurements: Run[] = [];
    for (const route of ROUTES) {
      measurements.push(await measure(target, route, auth.accessToken, options));
    }
    return { measurements, seller: auth };
  } finally {
    await stop(target);
  }
}

// ---- output ----

function report(measurements: Run[], options: Options): boolean {
  printMachine(loadBefore, [
    `autocannon: ${options.connections} connections, ${options.duration} s per route after a ${WARM_UP_SECONDS} s warm-up; it runs in the bench process on the same machine`,
  ]);

  printRuns(measurements);

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

  return checkFailures(measurements);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), { duration: 10, connections: 50 }, USAGE);
  ensureBuild();

  const [first, second] = await benchBothTargets(
    {
      databaseUrl: DATABASE_URL,
      bulwark: { preferredPort: 3900, redisKeyPrefix: 'bulwark_bench' },
      baseline: { entry: BARE, preferredPort: 3901 },
    },
    (target, readyPath, seller) => benchTarget(target, readyPath, seller, options),
  );

  if (!report([...first.measurements, ...second.measurements], options)) process.exitCode = 1;
}

runMain('bench:http', USAGE, main);
