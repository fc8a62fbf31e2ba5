import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { ROOT } from './build';

// Child processes of a benchmark: every one is killed, and every scratch directory removed, when
// the benchmark process ends, however it ends.

export interface Target {
  name: string;
  base: string;
  process: ChildProcess;
  stderr: () => string;
}

const children = new Set<ChildProcess>();
const scratchDirs: string[] = [];

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killAll(): void {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL');
}

/** Removed when the benchmark process exits. */
export function removeOnExit(dir: string): void {
  scratchDirs.push(dir);
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

/** Starts `node <args>` in the project root, serving on 127.0.0.1:port. */
export function launch(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): Target {
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

/** SIGTERM, then SIGKILL after 10 s; resolves once the child has exited. */
export async function stop(target: Target): Promise<void> {
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

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const READY_TIMEOUT_MS = 60_000;

export async function waitFor200(target: Target, path: string): Promise<void> {
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

/** `preferred` if it is free on 127.0.0.1, otherwise any free port. */
export function freePort(preferred: number): Promise<number> {
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
