import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { testEnvironment } from '../setup/test-env';

const ROOT = join(__dirname, '..', '..');

/**
 * The service as a process of its own, started from the sources (no build needed), so a test can
 * kill it the way an operating system would and read what it wrote to stdout and stderr.
 */
export class ServiceProcess {
  private output = '';
  private errorOutput = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.errorOutput += chunk.toString()));
  }

  /** In the role `BULWARK_ROLE` names; an HTTP role listens on a free loopback port. */
  static start(overrides: Record<string, string> = {}): ServiceProcess {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join('src', 'main.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, ...testEnvironment({ PORT: '0', HOST: '127.0.0.1', ...overrides }) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new ServiceProcess(child);
  }

  get stderr(): string {
    return this.errorOutput;
  }

  /** The JSON log lines written so far (LOG_LEVEL decides which). */
  logLines(): Record<string, unknown>[] {
    return this.output
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  private get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Throws with what the process wrote to stderr if it stopped by itself. */
  assertRunning(): void {
    if (this.exited) {
      throw new Error(
        `The service exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.errorOutput}`,
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
