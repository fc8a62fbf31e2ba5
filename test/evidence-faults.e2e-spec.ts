import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { AddressInfo, connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { bearer, registerSeller, SignedIn } from './factories/accounts';
import { fileCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { startTestApp, TestApp } from './helpers/test-app';
import { ServiceProcess } from './helpers/service-process';

const SCREENSHOTS = 200;
const FILES_PER_UPLOAD = 10;

/** A 200×400 PNG whose stripes depend on `index`, so no two share bytes. */
function screenshot(index: number): Promise<Buffer> {
  const width = 200;
  const height = 400;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    pixels.fill((y * (index + 1)) % 256, y * width * 3, (y + 1) * width * 3);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Opens an upload of a `fileBytes` file and sends only its first `sentBytes`. */
async function startUpload(
  port: number,
  path: string,
  token: string,
  fileBytes: number,
  sentBytes: number,
): Promise<Socket> {
  const boundary = 'bulwark-fault-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="recording.png"\r\n` +
      'Content-Type: image/png\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const socket = connect({ port, host: '127.0.0.1' });
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
      `Content-Length: ${head.length + fileBytes + tail.length}\r\n\r\n`,
  );
  socket.write(head);
  socket.write(randomBytes(sentBytes));
  return socket;
}

describe('evidence under faults', () => {
  let t: TestApp;
  let uploads: string;
  let seller: SignedIn;
  const workers: ServiceProcess[] = [];
  const environment = () => ({
    UPLOADS_DIR: uploads,
    REDIS_KEY_PREFIX: 'bulwark-test-faults',
  });

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-faults-e2e-'));
    t = await startTestApp({ ...environment(), BULWARK_ROLE: 'api' });
    await t.app.listen(0, '127.0.0.1');
    seller = await registerSeller(t);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await t?.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const upload = (caseId: string) =>
    request(t.http).post(`/v1/cases/${caseId}/evidence`).set(bearer(seller));
  const temporaryFiles = () => readdir(join(uploads, 'tmp'));
  const evidenceCount = async (caseId: string) =>
    Number(
      (await t.db.query('SELECT count(*) AS n FROM evidence WHERE case_id = $1', [caseId]))[0].n,
    );
  const statusCounts = async (caseId: string): Promise<Record<string, number>> => {
    const rows: { status: string; n: number }[] = await t.db.query(
      'SELECT status, count(*)::int AS n FROM evidence WHERE case_id = $1 GROUP BY status',
      [caseId],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  };

  it('keeps no row and no temporary file of an upload whose client dies mid-stream', async () => {
    const caseId = (await fileCase(t, seller)).id;
    const before = new Set(await temporaryFiles());
    const { port } = t.http.address() as AddressInfo;
    const client = await startUpload(
      port,
      `/v1/cases/${caseId}/evidence`,
      seller.accessToken,
      10 * 1024 * 1024,
      5 * 1024 * 1024,
    );
    const partial = await eventually(async () => {
      const fresh = (await temporaryFiles()).filter((name) => !before.has(name));
      expect(fresh).toHaveLength(1);
      expect((await stat(join(uploads, 'tmp', fresh[0]))).size).toBeGreaterThan(1024 * 1024);
      return fresh[0];
    });

    client.destroy();

    await eventually(async () => expect(await temporaryFiles()).not.toContain(partial));
    expect(await evidenceCount(caseId)).toBe(0);
    await upload(caseId)
      .attach('files', await screenshot(0), 'after.png')
      .expect(202);
    expect(await evidenceCount(caseId)).toBe(1);
  });

  it('processes every item exactly once when the worker is killed mid-batch and restarted', async () => {
    const caseId = (await fileCase(t, seller)).id;
    const screenshots = await Promise.all(
      Array.from({ length: SCREENSHOTS }, (_, index) => screenshot(index)),
    );
    const items: { id: string; sha256: string }[] = [];
    for (let first = 0; first < SCREENSHOTS; first += FILES_PER_UPLOAD) {
      let form = upload(caseId);
      screenshots.slice(first, first + FILES_PER_UPLOAD).forEach((bytes, offset) => {
        form = form.attach('files', bytes, `chat-${first + offset}.png`);
      });
      items.push(...(await form.expect(202)).body);
    }
    expect(new Set(items.map((item) => item.sha256)).size).toBe(SCREENSHOTS);

    const doomed = ServiceProcess.start({ ...environment(), BULWARK_ROLE: 'worker' });
    workers.push(doomed);
    await eventually(async () => {
      doomed.assertRunning();
      const counts = await statusCounts(caseId);
      expect(counts.processed).toBeGreaterThanOrEqual(20);
      expect(counts.processing).toBeGreaterThan(0);
    }, 30_000);
    await doomed.kill();
    const interrupted = await statusCounts(caseId);
    expect(interrupted.processing).toBeGreaterThan(0);
    expect(interrupted.processed).toBeLessThan(SCREENSHOTS);

    const successor = ServiceProcess.start({ ...environment(), BULWARK_ROLE: 'worker' });
    workers.push(successor);
    // The jobs the killed worker held come back only once their locks expire and a stalled-job
    // check has seen them twice: with BullMQ's defaults that takes 60-90 s.
    await eventually(async () => {
      successor.assertRunning();
      expect(await statusCounts(caseId)).toEqual({ processed: SCREENSHOTS });
    }, 150_000);

    const events: { kind: string; evidenceId: string }[] = await t.db.query(
      `SELECT kind, data->>'evidenceId' AS "evidenceId" FROM case_events
        WHERE case_id = $1 AND kind IN ('evidence_processed', 'evidence_rejected')`,
      [caseId],
    );
    expect(events.every((event) => event.kind === 'evidence_processed')).toBe(true);
    expect(events.map((event) => event.evidenceId).sort()).toEqual(
      items.map((item) => item.id).sort(),
    );
    for (const { sha256 } of items) {
      const derived = join(uploads, 'derived', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      await stat(`${derived}.preview`);
      await stat(`${derived}.thumbnail`);
    }
  }, 200_000);
});
