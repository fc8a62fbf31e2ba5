import type { CpuUse } from '../lib/cpu-usage';
import { fmt, printMachine, table } from '../lib/report';
import type { Timed } from './child-main';
import type { DrainWindow, StatusCount } from './database';
import type { DrainSummary } from './drain';
import type { MeasuredUploads } from './upload-phase';

// The benchmark's report, in Markdown like the others: the machine, then one section per
// question of the issue, each with its target and whether it was met.

const TARGETS = {
  /** Worker images/s over plain sharp's. */
  pipeline: 0.7,
  /** Upload MiB/s over disk writes'. */
  upload: 0.5,
  rssBytes: 512 * 2 ** 20,
  /**
   * Flat: the highest RSS and thread count in the second half of the drain over the first
   * half's. A thread more or less is libvips starting or ending a worker, not growth.
   */
  growth: 1.1,
};

export interface UploadComparison {
  name: string;
  bulwark: MeasuredUploads;
  /** The bare Express reference (bench/evidence/bare-express.ts). */
  bare: MeasuredUploads;
  disk: Timed & { bytes: number };
}

export interface PipelineResults {
  window: DrainWindow;
  statuses: StatusCount[];
  /** The worker process from its start to the end of the drain, and its PostgreSQL backends. */
  workerCpu?: CpuUse;
  plainSharp: Timed;
  processImageAlone: Timed;
  baselineImages: number;
  concurrency: number;
}

export interface Results {
  loadBefore: string;
  settings: string[];
  clients: number;
  uploads: UploadComparison[];
  pipeline: PipelineResults;
  drain: { queued: number; queuedOthers: number; summary: DrainSummary; everyMs: number };
}

const verdict = (met: boolean) => (met ? 'met' : 'not met');
const MiB = 2 ** 20;
const mib = (bytes: number) => fmt(bytes / MiB);

function printPipeline({
  window,
  statuses,
  workerCpu,
  plainSharp,
  processImageAlone,
  baselineImages,
  concurrency,
}: PipelineResults): boolean {
  const drainSeconds = (window.lastFinished.getTime() - window.firstDispatched.getTime()) / 1000;
  const workerRate = window.screenshots / drainSeconds;
  const plainRate = baselineImages / plainSharp.seconds;
  const aloneRate = baselineImages / processImageAlone.seconds;
  console.log('\n## Image pipeline against plain sharp\n');
  console.log(
    table(
      [
        'what',
        'images',
        'seconds',
        'images/s',
        'CPU ms/image',
        'rest of the machine CPUs',
        'ratio to plain sharp',
      ],
      [
        [
          `Bulwark worker: relay dispatch of the first screenshot to the last one processed`,
          fmt(window.screenshots),
          fmt(drainSeconds, 1),
          fmt(workerRate, 2),
          workerCpu
            ? `${fmt(workerCpu.server / window.screenshots)} + PostgreSQL ${fmt(workerCpu.postgres / window.screenshots)}`
            : '?',
          workerCpu ? fmt(workerCpu.others, 2) : '?',
          `${fmt(workerRate / plainRate, 2)}x`,
        ],
        [
          `plain sharp, ${concurrency} at a time`,
          fmt(baselineImages),
          fmt(plainSharp.seconds, 1),
          fmt(plainRate, 2),
          fmt(plainSharp.cpuMs / baselineImages),
          fmt(plainSharp.restCpus, 2),
          '1.00x',
        ],
        [
          `Bulwark's processImage alone, ${concurrency} at a time`,
          fmt(baselineImages),
          fmt(processImageAlone.seconds, 1),
          fmt(aloneRate, 2),
          fmt(processImageAlone.cpuMs / baselineImages),
          fmt(processImageAlone.restCpus, 2),
          `${fmt(aloneRate / plainRate, 2)}x`,
        ],
      ],
    ),
  );
  const ratio = workerRate / plainRate;
  console.log(
    `\nTarget: the pipeline at ${fmt(TARGETS.pipeline * 100)} % or more of plain sharp's images/s: ${fmt(ratio * 100)} %, ${verdict(ratio >= TARGETS.pipeline)}.`,
  );
  console.log(
    "The worker's CPU counts the whole process from its start (Nest start-up, the relay, the PDFs' trivial jobs); its PostgreSQL backends' CPU is shown beside it. Rest of the machine: CPU used meanwhile by everything else (for the worker, Redis too), in CPUs; above about 0.1 that run was disturbed by other programs and its images/s are low. CPU ms/image hardly moves with such disturbance: compare those when the rest is high.",
  );
  console.log('\nEvidence at the end:\n');
  console.log(
    table(
      ['kind', 'status', 'items'],
      statuses.map(({ kind, status, count }) => [kind, status, fmt(count)]),
    ),
  );
  // The PDFs behind the screenshots may still wait when the worker is stopped.
  const unprocessed = statuses.filter(
    (entry) => entry.kind === 'chat_screenshot' && entry.status !== 'processed',
  );
  for (const { status, count } of unprocessed) {
    console.log(`\nFAILED: ${count} screenshots ended ${status}: the drain did not measure them.`);
  }
  return unprocessed.length === 0;
}

function printUploads(uploads: UploadComparison[], clients: number): void {
  const rate = ({ run }: MeasuredUploads) => run.acceptedBytes / MiB / run.seconds;
  const rest = (restCpus: number | undefined) => (restCpus === undefined ? '?' : fmt(restCpus, 2));
  console.log('\n## Uploads against writing the same bytes to disk\n');
  console.log(
    table(
      [
        'files',
        'count',
        'MiB',
        'Bulwark MiB/s (until 202)',
        'Bulwark files/s',
        'disk writes MiB/s (fsync each)',
        'ratio',
        'target',
        'result',
        'bare Express + multer MiB/s',
        'Bulwark / bare',
        'server CPU ms/MiB (Bulwark, bare)',
        'rest of the machine CPUs (Bulwark, bare, disk)',
      ],
      uploads.map(({ name, bulwark, bare, disk }) => {
        const diskRate = disk.bytes / MiB / disk.seconds;
        const ratio = rate(bulwark) / diskRate;
        const cpuPerMiB = ({ run, serverCpuMs }: MeasuredUploads) =>
          serverCpuMs === undefined ? '?' : fmt(serverCpuMs / (run.acceptedBytes / MiB), 1);
        return [
          name,
          fmt(bulwark.run.files),
          mib(bulwark.run.acceptedBytes),
          fmt(rate(bulwark), 1),
          fmt(bulwark.run.files / bulwark.run.seconds, 1),
          fmt(diskRate, 1),
          `${fmt(ratio, 2)}x`,
          `≥ ${fmt(TARGETS.upload, 2)}x`,
          verdict(ratio >= TARGETS.upload),
          fmt(rate(bare), 1),
          `${fmt(rate(bulwark) / rate(bare), 2)}x`,
          `${cpuPerMiB(bulwark)}, ${cpuPerMiB(bare)}`,
          `${rest(bulwark.restCpus)}, ${rest(bare.restCpus)}, ${fmt(disk.restCpus, 2)}`,
        ];
      }),
    ),
  );
  console.log(
    `\n${clients} clients at once for all three. Bulwark and bare Express: from the first request sent to the last 202 (for Bulwark, the bytes stored durably and the rows committed); the client, in this process, builds no bodies while it runs. Disk writes: from the first write to the last fsync, the bytes already in memory. The rest of the machine includes this benchmark's client (and Redis for Bulwark), not PostgreSQL.`,
  );
}

function printDrain({ queued, queuedOthers, summary, everyMs }: Results['drain']): void {
  console.log(`\n## The worker while ${fmt(queued)} screenshots wait in its queue\n`);
  console.log(
    `Uploaded with the worker stopped, then the worker started: its relay moved their outbox rows to the queue (with the ${fmt(queuedOthers)} PDFs' behind them) and it worked through them. Sampled every ${everyMs} ms from /proc/<pid>/status (VmRSS, Threads), ${fmt(summary.samples)} samples from the worker's start to the last screenshot finished.\n`,
  );
  console.log(
    table(
      [
        'screenshots finished',
        'at s',
        'finished',
        'RSS MiB',
        'threads',
        'since the row above: images/s',
        'worker CPUs',
        'rest of the machine CPUs',
      ],
      summary.atProgress.map(({ share, sample, rate, worker, rest }) => [
        share === 0 ? 'none yet (started)' : `${fmt(share * 100)} %`,
        fmt(sample.atMs / 1000, 1),
        fmt(sample.finished),
        mib(sample.rssBytes),
        String(sample.threads),
        rate === undefined ? '' : fmt(rate, 2),
        worker === undefined ? '' : fmt(worker, 2),
        rest === undefined ? '' : fmt(rest, 2),
      ]),
    ),
  );
  const underLimit = summary.maxRss < TARGETS.rssBytes;
  const growth = summary.secondHalf.rss / Math.max(1, summary.firstHalf.rss);
  const threadGrowth = summary.secondHalf.threads / Math.max(1, summary.firstHalf.threads);
  const flat = growth <= TARGETS.growth && threadGrowth <= TARGETS.growth;
  console.log(
    `\nWhile draining: RSS min ${mib(summary.minRss)} MiB, max ${mib(summary.maxRss)} MiB, last ${mib(summary.lastRss)} MiB; threads at most ${summary.maxThreads}.`,
  );
  console.log(
    `Highest while the first half was done: ${mib(summary.firstHalf.rss)} MiB, ${summary.firstHalf.threads} threads; while the second half was: ${mib(summary.secondHalf.rss)} MiB, ${summary.secondHalf.threads} threads.`,
  );
  console.log(
    table(
      ['target', 'result'],
      [
        [`RSS under ${mib(TARGETS.rssBytes)} MiB throughout`, verdict(underLimit)],
        [
          `flat: the second half's highest RSS and thread count within ${fmt((TARGETS.growth - 1) * 100)} % of the first half's (${fmt((growth - 1) * 100, 1)} %, ${fmt((threadGrowth - 1) * 100, 1)} %)`,
          verdict(flat),
        ],
      ],
    ).replace(/^/, '\n'),
  );
}

/** Prints every section; false when a measurement is not clean. */
export function printReport(results: Results): boolean {
  printMachine(results.loadBefore, results.settings);
  const clean = printPipeline(results.pipeline);
  printUploads(results.uploads, results.clients);
  printDrain(results.drain);
  return clean;
}
