import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extortionCase, runStamp } from '../cases/bodies';
import { registerSeller } from '../lib/bulwark';
import { Target } from '../lib/children';
import { cpuSnapshot, cpuUse } from '../lib/cpu-usage';
import type { ScreenshotFile } from './screenshots';
import { sendUploads, UploadFile, uploadRequest, UploadRequest, UploadRun } from './uploads';

// The uploads of a run: a seller and one case per client, the requests (built once, sent to
// Bulwark and then to the bare reference server), and how each target took them.

export const FILES_PER_REQUEST = 5;

export interface UploadSets {
  /** Small PDFs that warm the route up before anything is measured. */
  warmUp: UploadRequest[];
  screenshots: UploadRequest[];
  documents: UploadRequest[];
}

export interface MeasuredUploads {
  run: UploadRun;
  /** The server process's CPU meanwhile, and the rest of the machine's but PostgreSQL's. */
  serverCpuMs?: number;
  restCpus?: number;
}

/** One case per upload client, filed through the API. */
async function fileCases(base: string, token: string, count: number): Promise<string[]> {
  const stamp = runStamp();
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const response = await fetch(`${base}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(extortionCase(n, stamp)),
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 201 || !body.id) {
      throw new Error(`POST /v1/cases answered ${response.status} ${JSON.stringify(body)}`);
    }
    ids.push(body.id);
  }
  return ids;
}

/** The files in requests of FILES_PER_REQUEST, spread over the cases in turn. */
function requestsOf(caseIds: string[], kind: string, files: UploadFile[]): UploadRequest[] {
  const requests = [];
  for (let start = 0; start < files.length; start += FILES_PER_REQUEST) {
    const caseId = caseIds[(start / FILES_PER_REQUEST) % caseIds.length];
    requests.push(uploadRequest(caseId, kind, files.slice(start, start + FILES_PER_REQUEST)));
  }
  return requests;
}

function asUpload(path: string, contentType: string): UploadFile {
  return { name: basename(path), contentType, bytes: readFileSync(path) };
}

/** Registers a seller with Bulwark's API, files the cases and builds every request. */
export async function prepareUploads(
  api: Target,
  files: {
    screenshots: ScreenshotFile[];
    documents: { path: string }[];
    warmUp: { path: string }[];
  },
  clients: number,
): Promise<{ token: string; sets: UploadSets }> {
  const { accessToken } = await registerSeller(api.base);
  const caseIds = await fileCases(api.base, accessToken, clients);
  const pdf = (file: { path: string }) => asUpload(file.path, 'application/pdf');
  const screenshot = (file: ScreenshotFile) =>
    asUpload(file.path, file.format === 'png' ? 'image/png' : 'image/jpeg');
  return {
    token: accessToken,
    sets: {
      warmUp: requestsOf(caseIds, 'other', files.warmUp.map(pdf)),
      screenshots: requestsOf(caseIds, 'chat_screenshot', files.screenshots.map(screenshot)),
      documents: requestsOf(caseIds, 'other', files.documents.map(pdf)),
    },
  };
}

/**
 * The warm-up, then the screenshots, then the PDFs, `clients` requests at a time; every request
 * must be answered 202. `backends` names the PostgreSQL backends serving the target, if any.
 */
export async function measureUploads(
  target: Target,
  token: string,
  sets: UploadSets,
  clients: number,
  backends: () => Promise<number[]>,
): Promise<{ screenshots: MeasuredUploads; documents: MeasuredUploads }> {
  const measure = async (name: string, requests: UploadRequest[], at: number) => {
    process.stdout.write(`  ${target.name}: ${requests.length} requests of ${name}`);
    const before = cpuSnapshot(target.process.pid, await backends());
    const run = await sendUploads(target.base, token, requests, at);
    const cpu = cpuUse(before, cpuSnapshot(target.process.pid, await backends()));
    console.log(` -> ${run.seconds.toFixed(1)} s`);
    if (run.failures.length > 0) {
      throw new Error(
        `${target.name}: ${run.failures.length} of ${run.requests} requests of ${name} were not answered 202, e.g. ${run.failures[0]}`,
      );
    }
    return { run, serverCpuMs: cpu?.server, restCpus: cpu?.others };
  };
  await measure('warm-up PDFs', sets.warmUp, 1);
  return {
    screenshots: await measure('screenshots', sets.screenshots, clients),
    documents: await measure('2 MiB PDFs', sets.documents, clients),
  };
}
