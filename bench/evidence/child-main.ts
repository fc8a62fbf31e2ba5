import os from 'node:os';
import { text } from 'node:stream/consumers';

// The child side of bench/evidence/child-scripts.ts: a baseline script gets its arguments as
// JSON on stdin (thousands of paths are too long for argv) and answers with one line of JSON on
// stdout.

/** How long the measured work took, and the CPU the script's process spent on it. */
export interface Timed {
  seconds: number;
  cpuMs: number;
  /**
   * CPU the rest of the machine used meanwhile, in CPUs (1 = one CPU all the time): other
   * programs and the kernel's own work. High means the measurement was disturbed.
   */
  restCpus: number;
}

/** Milliseconds all CPUs have spent busy since boot. */
function machineBusyMs(): number {
  return os
    .cpus()
    .reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

/** Runs `work` with the script's arguments and prints its result; a failure exits with 1. */
export function childMain<Args, Result>(work: (args: Args) => Promise<Result>): void {
  text(process.stdin)
    .then((input) => work(JSON.parse(input) as Args))
    .then(
      (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
      (error: unknown) => {
        process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
        process.exit(1);
      },
    );
}

/** Times `work` on the monotonic clock and counts this process's CPU (all threads) meanwhile. */
export async function timed(work: () => Promise<void>): Promise<Timed> {
  const cpuBefore = process.cpuUsage();
  const busyBefore = machineBusyMs();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { user, system } = process.cpuUsage(cpuBefore);
  const cpuMs = (user + system) / 1000;
  const restCpus = Math.max(0, machineBusyMs() - busyBefore - cpuMs) / (seconds * 1000);
  return { seconds, cpuMs, restCpus };
}
