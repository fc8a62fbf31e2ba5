import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { testEnvironment } from '../setup/test-env';

const ROOT = join(__dirname, '..', '..');

/**
 * The service in the worker role as a process of its own, started from the sources (no build
 * needed), so a test can kill it the way an operating system would.
 */
export class WorkerProcess {
  private stderr = '';

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  static start(overrides: Record<string, string> = {}): WorkerProcess {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join('src', 'main.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, ...testEnvironment({ ...overrides, BULWARK_ROLE: 'worker' }) },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    return new WorkerProcess(child);
  }

  private get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Throws with what the process wrote to stderr if it stopped by itself. */
  assertRunning(): void {
    if (this.exited) {
      throw new Error(
        `The worker exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.stderr}`,
      );
    }
  }

  /** SIGKILL: no shutdown hook runs, jobs in hand are left active with their locks. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}
