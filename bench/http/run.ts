/// <reference path="./autocannon.d.ts" />
// Bulwark against bare Express on the same machine: GET /health/live and an authenticated GET /v1/me.
// Usage: npm run bench:http   (BENCH_DURATION=<seconds> overrides the measured 10 s per target)
import autocannon, { Result } from 'autocannon';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const HOST = '127.0.0.1';
const DATABASE_URL = `postgres://postgres@${HOST}:5432/bulwark_bench`;
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 3;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const TARGET_RATIO = 0.75;
const READY_TIMEOUT_MS = 60_000;

interface Measure {
  reqPerSec: number;
  p50: number;
  p99: number;
}
interface Row {
  route: string;
  bare: Measure;
  bulwark: Measure;
  ratio: number;
  pass: boolean;
}

interface Child {
  process: ChildProcess;
  exited: Promise<void>;
  stderr: () => string;
}

function start(name: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-8_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (code) console.error(`${name} exited with ${code ?? signal}:\n${tail}`);
  });
  return { process: child, exited, stderr: () => tail };
}

async function stop(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 5_000);
  await child.exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilOk(url: string, child: Child): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${url}: the process exited before ready`);
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not 200 within ${READY_TIMEOUT_MS / 1000} s:\n${child.stderr()}`);
}

async function register(base: string): Promise<string> {
  const response = await fetch(`${base}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomBytes(6).toString('hex')}@example.com`,
      password: 'Orchid-Velvet-Compass-91',
      displayName: 'Bench',
      shop: { platform: 'taobao', shopId: '1', shopName: 'Bench shop' },
    }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 201 || !body.accessToken) {
    throw new Error(`register: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

async function measure(url: string, headers: Record<string, string>): Promise<Measure> {
  const check = (result: Result, phase: string) => {
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) {
      throw new Error(
        `${url} (${phase}): ${result.non2xx} non-2xx, ${result.errors} errors, ` +
          `${result.timeouts} timeouts; status counts ${JSON.stringify(result.statusCodeStats)}`,
      );
    }
  };
  const options = { url, connections: CONNECTIONS, headers };
  check(await autocannon({ ...options, duration: WARM_UP_SECONDS }), 'warm-up');
  const result = await autocannon({ ...options, duration: DURATION_SECONDS });
  check(result, 'measured');
  return { reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

function print(rows: Row[]): void {
  const header = ['route', 'bare req/s', 'Bulwark req/s', 'ratio', 'bare p50/p99 ms'];
  const lines = rows.map((row) => [
    row.route,
    row.bare.reqPerSec.toFixed(0),
    row.bulwark.reqPerSec.toFixed(0),
    `${(row.ratio * 100).toFixed(1)} %`,
    `${row.bare.p50}/${row.bare.p99}`,
    `${row.bulwark.p50}/${row.bulwark.p99}`,
    row.pass ? 'PASS' : 'BELOW',
  ]);
  const table = [[...header, 'Bulwark p50/p99 ms', `>= ${TARGET_RATIO * 100} %`], ...lines];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const line of table) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

async function main(): Promise<void> {
  if (!Number.isFinite(DURATION_SECONDS) || DURATION_SECONDS < 1) {
    throw new Error('BENCH_DURATION must be a number of seconds >= 1');
  }
  if (!existsSync(join(ROOT, 'dist', 'src', 'main.js'))) {
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const secret = randomBytes(36).toString('base64url'); // 48 characters
  const uploads = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const [bulwarkPort, barePort] = [await freePort(), await freePort()];
  const bulwarkBase = `http://${HOST}:${bulwarkPort}`;
  const bareBase = `http://${HOST}:${barePort}`;
  let bulwark: Child | undefined;
  let bare: Child | undefined;
  // However the run goes, it ends: the children are killed and the process exits.
  const watchdog = setTimeout(
    () => {
      console.error('bench:http: overall time limit reached');
      bulwark?.process.kill('SIGKILL');
      bare?.process.kill('SIGKILL');
      process.exit(2);
    },
    READY_TIMEOUT_MS * 2 + 4 * (WARM_UP_SECONDS + DURATION_SECONDS) * 2_000 + 30_000,
  );
  watchdog.unref();
  try {
    bulwark = start('Bulwark', ['dist/src/main.js'], {
      NODE_ENV: 'production',
      BULWARK_ROLE: 'all',
      HOST,
      PORT: String(bulwarkPort),
      DATABASE_URL,
      REDIS_URL: `redis://${HOST}:6379`,
      REDIS_KEY_PREFIX: 'bulwark-bench',
      JWT_SECRET: secret,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      UPLOADS_DIR: uploads,
      LOG_LEVEL: 'info',
    });
    await waitUntilOk(`${bulwarkBase}/health/ready`, bulwark);
    const token = await register(bulwarkBase);
    bare = start(
      'bare Express',
      ['-r', 'ts-node/register/transpile-only', join(__dirname, 'bare-express.ts')],
      { PORT: String(barePort), JWT_SECRET: secret, DATABASE_URL },
    );
    await waitUntilOk(`${bareBase}/health/live`, bare);

    const auth = { authorization: `Bearer ${token}` };
    const rows: Row[] = [];
    for (const [route, headers] of [
      ['GET /health/live', {}],
      ['GET /v1/me', auth],
    ] as const) {
      const path = route.slice(4);
      const bareMeasure = await measure(`${bareBase}${path}`, headers);
      const bulwarkMeasure = await measure(`${bulwarkBase}${path}`, headers);
      const ratio = bulwarkMeasure.reqPerSec / bareMeasure.reqPerSec;
      rows.push({
        route,
        bare: bareMeasure,
        bulwark: bulwarkMeasure,
        ratio,
        pass: ratio >= TARGET_RATIO,
      });
    }
    print(rows);
    console.log(
      `${CONNECTIONS} connections, ${DURATION_SECONDS} s per target after ${WARM_UP_SECONDS} s warm-up. ` +
        'Bare /v1/me: JWT + 1 query; Bulwark: JWT + principal lookup + user load (2 queries).',
    );
    const results = {
      at: new Date().toISOString(),
      node: process.version,
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      warmUpSeconds: WARM_UP_SECONDS,
      target: TARGET_RATIO,
      rows,
    };
    writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await Promise.all([stop(bare), stop(bulwark)]);
    rmSync(uploads, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
