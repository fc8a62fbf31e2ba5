import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import sharp from 'sharp';
import { Environment } from '../../src/config/environment';
import { ensureBuild, ROOT } from '../lib/build';
import { startBaseline } from '../lib/baseline';
import { BulwarkSettings, newJwtSecret, scratchUploadsDir, startBulwark } from '../lib/bulwark';
import { removeOnExit, stop, waitFor200 } from '../lib/children';
import { cpuSnapshot, cpuUse } from '../lib/cpu-usage';
import { runMain } from '../lib/options';
import { loadAverage } from '../lib/report';
import { Timed } from './child-main';
import { runChildScript } from './child-scripts';
import {
  backendPids,
  connectDatabase,
  DATABASE_URL,
  evidenceProgress,
  evidenceStatuses,
  postgresSettings,
  REDIS_KEY_PREFIX,
  resetStorage,
  screenshotDrainWindow,
} from './database';
import { writeDocuments } from './documents';
import { summariseDrain, watchDrain } from './drain';
import { ImageWorkArgs } from './image-args';
import { EvidenceOptions, parseEvidenceOptions, USAGE } from './options';
import { printReport } from './report';
import { ScreenshotFile, writeScreenshots } from './screenshots';
import { FILES_PER_REQUEST, measureUploads, prepareUploads } from './upload-phase';

// The evidence locker under load, in one run: uploads against writing the same bytes to disk,
// the worker's memory and threads while it drains a queue of screenshots, and the image
// pipeline's throughput in that drain against plain sharp doing the same work on the same images.
// Usage: npm run build && npm run bench:evidence [-- --images 1000 --baseline-images 250 --clients 4]

const loadBefore = loadAverage();

const DISTINCT_DRAWINGS = 24;
const DOCUMENT_COUNT = 200;
const DOCUMENT_BYTES = 2 * 1024 * 1024;
const SAMPLE_EVERY_MS = 250;
const DRAIN_TIMEOUT_MS = 15 * 60 * 1000;
const HERE = join(ROOT, 'bench', 'evidence');

interface Files {
  scratch: string;
  screenshots: ScreenshotFile[];
  documents: { path: string }[];
  warmUp: { path: string }[];
}

function scratchDir(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function writeFiles(options: EvidenceOptions): Promise<Files> {
  const scratch = mkdtempSync(join(os.tmpdir(), 'bulwark-bench-evidence-'));
  removeOnExit(scratch);
  console.log(
    `drawing ${options.images} screenshots (${DISTINCT_DRAWINGS} distinct) in ${scratch}`,
  );
  return {
    scratch,
    screenshots: await writeScreenshots(
      scratchDir(scratch, 'screenshots'),
      options.images,
      DISTINCT_DRAWINGS,
    ),
    documents: await writeDocuments(
      scratchDir(scratch, 'documents'),
      DOCUMENT_COUNT,
      DOCUMENT_BYTES,
    ),
    warmUp: await writeDocuments(scratchDir(scratch, 'warm-up'), FILES_PER_REQUEST, 64 * 1024),
  };
}

function writeToDisk(files: { path: string }[], outDir: string, concurrency: number) {
  return runChildScript<Timed & { bytes: number }>(join(HERE, 'disk-writes.ts'), {
    files: files.map((file) => file.path),
    outDir,
    concurrency,
  });
}

/**
 * Starts the worker on the queued uploads and samples it until every screenshot is finished. The
 * PDFs' jobs are queued behind the screenshots' and take milliseconds: the drain is the
 * screenshots'.
 */
async function drain(
  common: Omit<BulwarkSettings, 'preferredPort'>,
  database: Client,
  env: NodeJS.ProcessEnv,
) {
  const queued = (await evidenceProgress(database, 'chat_screenshot')).total;
  const queuedOthers = (await evidenceProgress(database, 'other')).total;
  const worker = await startBulwark({ ...common, role: 'worker', preferredPort: 3921, env });
  try {
    const cpuBefore = cpuSnapshot(worker.process.pid, []);
    process.stdout.write(`  the worker drains ${queued} screenshots`);
    const finished = async () => (await evidenceProgress(database, 'chat_screenshot')).finished;
    const samples = await watchDrain(worker, queued, finished, {
      everyMs: SAMPLE_EVERY_MS,
      timeoutMs: DRAIN_TIMEOUT_MS,
    });
    const cpu = cpuUse(cpuBefore, cpuSnapshot(worker.process.pid, await backendPids(database)));
    console.log(` -> ${(samples[samples.length - 1].atMs / 1000).toFixed(1)} s`);
    return { queued, queuedOthers, samples, cpu };
  } finally {
    await stop(worker);
  }
}

/** sharp's operation cache limits, as the worker has them (the defaults). */
function cacheLimits(): string {
  const { memory, files, items } = sharp.cache();
  return `cache of at most ${memory.max} MB, ${files.max} files, ${items.max} operations`;
}

async function main(): Promise<void> {
  const options = parseEvidenceOptions(process.argv.slice(2));
  ensureBuild();
  await resetStorage();
  // Bulwark's defaults, which the benchmark leaves as they are unless told otherwise.
  const defaults = new Environment();
  const concurrency = Number(options.workerEnv.JOB_CONCURRENCY ?? defaults.JOB_CONCURRENCY);
  const pixelLimit = Number(
    options.workerEnv.EVIDENCE_MAX_IMAGE_PIXELS ?? defaults.EVIDENCE_MAX_IMAGE_PIXELS,
  );
  const files = await writeFiles(options);
  const common: Omit<BulwarkSettings, 'preferredPort'> = {
    databaseUrl: DATABASE_URL,
    jwtSecret: newJwtSecret(),
    redisKeyPrefix: REDIS_KEY_PREFIX,
    uploadsDir: scratchUploadsDir(),
  };

  // Uploads with no worker running: every item waits in the outbox.
  const api = await startBulwark({ ...common, preferredPort: 3920 });
  // Bulwark creates and migrates the database as it starts.
  await waitFor200(api, '/health/ready');
  const database = await connectDatabase();
  const { token, sets } = await prepareUploads(api, files, options.clients);
  const uploads = await measureUploads(api, token, sets, options.clients, () =>
    backendPids(database),
  ).finally(() => stop(api));

  const bare = await startBaseline({
    entry: join(HERE, 'bare-express.ts'),
    preferredPort: 3922,
    databaseUrl: DATABASE_URL,
    jwtSecret: common.jwtSecret,
  });
  await waitFor200(bare, '/health/live');
  const bareUploads = await measureUploads(
    bare,
    token,
    sets,
    options.clients,
    async () => [],
  ).finally(() => stop(bare));

  console.log('  writing the same bytes to disk');
  const disk = {
    screenshots: await writeToDisk(
      files.screenshots,
      scratchDir(files.scratch, 'disk-screenshots'),
      options.clients,
    ),
    documents: await writeToDisk(
      files.documents,
      scratchDir(files.scratch, 'disk-documents'),
      options.clients,
    ),
  };

  const drained = await drain(common, database, options.workerEnv);
  const window = await screenshotDrainWindow(database);
  const statuses = await evidenceStatuses(database);
  const postgres = await postgresSettings(database);
  await database.end();

  const imageArgs = (name: string): ImageWorkArgs => ({
    files: files.screenshots.slice(0, options.baselineImages).map((file) => file.path),
    outDir: scratchDir(files.scratch, name),
    concurrency,
    pixelLimit,
  });
  const imageBaseline = (script: string) =>
    runChildScript<Timed>(join(HERE, `${script}.ts`), imageArgs(script), options.workerEnv);
  console.log(`  plain sharp on the first ${options.baselineImages} of the screenshots`);
  const plainSharp = await imageBaseline('plain-sharp');
  console.log(`  processImage alone on the same ${options.baselineImages}`);
  const processImageAlone = await imageBaseline('process-image-alone');

  const clean = printReport({
    loadBefore,
    settings: [
      postgres,
      `the worker: JOB_CONCURRENCY=${concurrency} (the evidence queue's concurrency, used by both image baselines too), EVIDENCE_MAX_IMAGE_PIXELS=${pixelLimit.toLocaleString('en-US')}, UV_THREADPOOL_SIZE ${options.workerEnv.UV_THREADPOOL_SIZE ?? 'unset (4)'}; sharp ${sharp.versions.sharp} with libvips ${sharp.versions.vips}, sharp.concurrency() ${sharp.concurrency()}, ${cacheLimits()}`,
      `screenshots: ${options.images}, 1080x2340, half PNG and half JPEG, ${DISTINCT_DRAWINGS} distinct drawings, each copy with its own comment so its bytes differ`,
      `uploads: ${options.clients} clients at once, one case each, ${FILES_PER_REQUEST} files per request`,
      ...Object.entries(options.workerEnv).map(
        ([name, value]) => `--worker-env: ${name}=${value} for the worker and the image baselines`,
      ),
    ],
    clients: options.clients,
    uploads: [
      {
        name: 'screenshots (each decoded to check it)',
        bulwark: uploads.screenshots,
        bare: bareUploads.screenshots,
        disk: disk.screenshots,
      },
      {
        name: '2 MiB PDFs (not decoded)',
        bulwark: uploads.documents,
        bare: bareUploads.documents,
        disk: disk.documents,
      },
    ],
    pipeline: {
      window,
      statuses,
      workerCpu: drained.cpu,
      plainSharp,
      processImageAlone,
      baselineImages: options.baselineImages,
      concurrency,
    },
    drain: {
      queued: drained.queued,
      queuedOthers: drained.queuedOthers,
      summary: summariseDrain(drained.samples, drained.queued),
      everyMs: SAMPLE_EVERY_MS,
    },
  });
  if (!clean) process.exitCode = 1;
}

runMain('bench:evidence', USAGE, main);
