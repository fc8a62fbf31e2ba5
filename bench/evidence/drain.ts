import { sleep, Target } from '../lib/children';
import { cpuSnapshot, CpuSnapshot, cpuUse } from '../lib/cpu-usage';
import { readProcStatus } from './proc-status';

// Watches the worker drain its queue: every tick, its resident memory, threads and CPU time from
// /proc, the whole machine's, and how many evidence items it has finished, until all are.

export interface DrainSample {
  /** Since the worker was started. */
  atMs: number;
  rssBytes: number;
  threads: number;
  finished: number;
  cpu?: CpuSnapshot;
}

export async function watchDrain(
  worker: Target,
  total: number,
  finished: () => Promise<number>,
  { everyMs, timeoutMs }: { everyMs: number; timeoutMs: number },
): Promise<DrainSample[]> {
  const pid = worker.process.pid!;
  const start = Date.now();
  const samples: DrainSample[] = [];
  for (;;) {
    const tick = Date.now();
    const status = readProcStatus(pid);
    if (!status) throw new Error(`${worker.name} exited while draining:\n${worker.stderr()}`);
    const sample = {
      atMs: tick - start,
      ...status,
      finished: await finished(),
      cpu: cpuSnapshot(pid, []),
    };
    samples.push(sample);
    if (sample.finished >= total) return samples;
    if (tick - start > timeoutMs) {
      throw new Error(
        `${worker.name} finished ${sample.finished} of ${total} items in ${timeoutMs / 1000} s`,
      );
    }
    await sleep(Math.max(0, everyMs - (Date.now() - tick)));
  }
}

export interface DrainSummary {
  samples: number;
  /** From the last sample before the first item was finished to the end; max from the start. */
  minRss: number;
  maxRss: number;
  lastRss: number;
  maxThreads: number;
  /**
   * The sample at which each share of the items was first reached (0: the last before any), and
   * since the one before: items per second, the worker's CPU and the rest of the machine's, in
   * CPUs (PostgreSQL and Redis are in the rest).
   */
  atProgress: {
    share: number;
    sample: DrainSample;
    rate?: number;
    worker?: number;
    rest?: number;
  }[];
  /** Highest RSS and threads while the first half was done, and while the second half was. */
  firstHalf: { rss: number; threads: number };
  secondHalf: { rss: number; threads: number };
}

export function summariseDrain(samples: DrainSample[], total: number): DrainSummary {
  // Before the first item is finished the process is still starting (at first a bare Node).
  const started = samples.findIndex((sample) => sample.finished > 0);
  const draining = samples.slice(Math.max(0, started - 1));
  const rss = draining.map((sample) => sample.rssBytes);
  const highest = (part: DrainSample[]) => ({
    rss: Math.max(0, ...part.map((sample) => sample.rssBytes)),
    threads: Math.max(0, ...part.map((sample) => sample.threads)),
  });
  const points = [0, 0.1, 0.25, 0.5, 0.75, 1].map((share) => ({
    share,
    sample:
      share === 0
        ? samples[Math.max(0, started - 1)]
        : samples.find((sample) => sample.finished >= share * total)!,
  }));
  const atProgress = points.map((point, index) => {
    const previous = points[index - 1]?.sample;
    if (!previous) return point;
    const seconds = (point.sample.atMs - previous.atMs) / 1000;
    const use = cpuUse(previous.cpu, point.sample.cpu);
    return {
      ...point,
      rate: (point.sample.finished - previous.finished) / seconds,
      worker: use && use.server / 1000 / seconds,
      rest: use && use.others,
    };
  });
  return {
    samples: samples.length,
    minRss: Math.min(...rss),
    maxRss: Math.max(...samples.map((sample) => sample.rssBytes)),
    lastRss: rss[rss.length - 1],
    maxThreads: Math.max(...draining.map((sample) => sample.threads)),
    atProgress,
    firstHalf: highest(samples.filter((s) => s.finished > 0 && s.finished < total / 2)),
    secondHalf: highest(samples.filter((s) => s.finished >= total / 2)),
  };
}
