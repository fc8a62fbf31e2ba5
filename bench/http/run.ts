import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

// HTTP throughput of the built Bulwark API against a bare Express 5 baseline serving the same
// two routes. Each target runs alone in its own child process; autocannon runs in this one.
// Usage: npm run build && npm run bench:http [-- --duration 10 --connections 50]

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const BARE = join(ROOT, 'bench', 'http', 'bare-express.ts');
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bulwark_bench';
const REDIS_URL = 'redis://127.0.0.1:6379';
const WARM_UP_SECONDS = 3;
const READY_TIMEOUT_MS = 60_000;
const loadBefore = os
  .loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');

interface Options {
  duration: number;
  connections: number;
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 10, connections: 50 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') {
      console.log('usage: npm run bench:http [-- --duration N] [--connections N]');
      process.exit(0);
    }
    if (flag !== '--duration' && flag !== '--connections') {
      throw new UsageError(
        `unknown argument ${argv[i]} (expected --duration N or --connections N)`,
      );
    }
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new UsageError(`${flag} needs a positive integer, got ${JSON.stringify(raw)}`);
    }
    options[flag === '--duration' ? 'duration' : 'connections'] = value;
  }
  return options;
}

// ---- child processes: every one is killed when this process ends, however it ends ----

interface Target {
  name: string;
  base: string;
  process: ChildProcess;
  stderr: () => string;
}

const children = new Set<ChildProcess>();
const scratchDirs: string[] = [];

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killAll(): void {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL');
}

process.on('exit', () => {
  killAll();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the benchmark`);
    process.exit(130);
  });
}

function launch(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): Target {
  // stdout carries the request logs: discarded, so logging costs what it costs in production
  // minus the terminal. stderr is kept (the tail) to explain a failed start.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  return { name, base: `http://127.0.0.1:${port}`, process: child, stderr: () => stderr };
}

async function stop(target: Target): Promise<void> {
  const child = target.process;
  if (isRunning(child)) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  children.delete(child);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor200(target: Target, path: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!isRunning(target.process)) {
      throw new Error(
        `${target.name} exited (code ${target.process.exitCode}, signal ${target.process.signalCode}) before ${path} answered 200:\n${target.stderr()}`,
      );
    }
    try {
      const response = await fetch(target.base + path, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await sleep(250);
  }
  throw new Error(
    `${target.name}: ${path} did not answer 200 within 60 s (last: ${last})\n${target.stderr()}`,
  );
}

function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((done) => {
      const server = createServer();
      server.once('error', () => done(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return tryListen(preferred).then(async (port) => port ?? (await tryListen(0)) ?? preferred);
}

// ---- the build ----

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuild(): void {
  if (!existsSync(MAIN)) {
    console.log(
      'dist/src/main.js is missing: running `npm run build` (run it yourself next time).',
    );
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(MAIN)) throw new Error('npm run build failed');
    return;
  }
  if (newestMtime(join(ROOT, 'src')) > statSync(MAIN).mtimeMs) {
    console.log('warning: src/ has changes newer than dist/; run `npm run build` to bench them.');
  }
}

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
  token: () => Promise<{ accessToken: string; userId: string }>,
  options: Options,
): Promise<{ measurements: Measurement[]; auth: { accessToken: string; userId: string } }> {
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

async function registerSeller(base: string): Promise<{ accessToken: string; userId: string }> {
  const response = await fetch(`${base}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@example.com`,
      password: `Bench-Passphrase-${randomBytes(6).toString('hex')}`,
      displayName: 'Bench Seller',
      shop: { platform: 'other', shopId: 'bench', shopName: 'Bench Shop' },
    }),
  });
  const body = (await response.json()) as { accessToken?: string; user?: { id?: string } };
  if (response.status !== 201 || !body.accessToken || !body.user?.id) {
    throw new Error(`POST /v1/auth/register answered ${response.status} ${JSON.stringify(body)}`);
  }
  return { accessToken: body.accessToken, userId: body.user.id };
}

// ---- output ----

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function report(measurements: Measurement[], options: Options): boolean {
  const cpus = os.cpus();
  console.log('\n## Machine\n');
  console.log(`- CPUs: ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown'}`);
  console.log(`- Node ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}`);
  console.log(
    `- memory: ${fmt(os.totalmem() / 2 ** 30, 1)} GiB; load average before: ${loadBefore}`,
  );
  console.log(
    `- autocannon: ${options.connections} connections, ${options.duration} s per route after a ${WARM_UP_SECONDS} s warm-up; it runs in the bench process on the same machine`,
  );

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
  const options = parseOptions(process.argv.slice(2));
  ensureBuild();

  const jwtSecret = randomBytes(32).toString('hex');
  const uploads = mkdtempSync(join(os.tmpdir(), 'bulwark-bench-uploads-'));
  scratchDirs.push(uploads);
  const baseEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    DATABASE_URL,
  };

  const bulwarkPort = await freePort(3900);
  console.log(`Bulwark (node dist/src/main.js, BULWARK_ROLE=api) on port ${bulwarkPort}`);
  const bulwark = launch(
    'Bulwark',
    [MAIN],
    {
      ...baseEnv,
      BULWARK_ROLE: 'api',
      PORT: String(bulwarkPort),
      HOST: '127.0.0.1',
      MIGRATIONS_RUN: 'true',
      REDIS_URL,
      REDIS_KEY_PREFIX: 'bulwark_bench',
      UPLOADS_DIR: uploads,
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'false',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
      LOGIN_MAX_FAILURES_PER_IP: '1000000',
      LOGIN_WINDOW_SECONDS: '1',
    },
    bulwarkPort,
  );
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
    { ...baseEnv, PORT: String(barePort) },
    barePort,
  );
  const second = await benchTarget(bare, '/health/live', async () => first.auth, options);

  if (!report([...first.measurements, ...second.measurements], options)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench:http: ${error.message}`);
    console.error('usage: npm run bench:http [-- --duration N] [--connections N]');
  } else {
    console.error(`bench:http failed: ${(error as Error)?.stack ?? String(error)}`);
  }
  process.exit(1);
});
