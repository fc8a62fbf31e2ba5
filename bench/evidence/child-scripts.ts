import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { compileBaseline } from '../lib/baseline';
import { ROOT } from '../lib/build';

// Runs a baseline script of this folder (one that calls childMain) as plain JavaScript in its own
// process, as Bulwark runs from dist/: no ts-node in the measured process, its `../../src/...`
// imports loading the build Bulwark runs (bench/lib/baseline.ts), and the same Node, sharp and
// libuv defaults as Bulwark's worker.

/** The script's JSON answer; rejects with its stderr when it fails. `env` is added last. */
export function runChildScript<Result>(
  entry: string,
  args: unknown,
  env: NodeJS.ProcessEnv = {},
): Promise<Result> {
  const script = compileBaseline(entry);
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      NODE_PATH: join(ROOT, 'node_modules'),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(JSON.stringify(args));
  // Ended with the benchmark, however it ends, like the targets (bench/lib/children.ts).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      process.off('exit', killOnExit);
      const name = relative(ROOT, entry);
      if (code !== 0) return reject(new Error(`${name} exited with ${code}:\n${stderr}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as Result);
      } catch {
        reject(new Error(`${name} printed no JSON result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
