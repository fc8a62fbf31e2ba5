import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { AddressInfo, connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { bearer, registerSeller, SignedIn } from './factories/accounts';
import { fileCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { openEventStream } from './helpers/event-stream';
import { startTestApp, TestApp } from './helpers/test-app';

const HEADERS_MS = 1_500;
const REQUEST_MS = 3_000;
const IDLE_MS = 1_000;

/** A raw connection that records what the server sent and when it closed. */
interface RawConnection {
  socket: Socket;
  received: () => string;
  closed: Promise<number>;
}

async function openConnection(port: number): Promise<RawConnection> {
  const socket = connect({ port, host: '127.0.0.1' });
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const opened = Date.now();
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(Date.now() - opened)),
  );
  return { socket, received: () => received, closed };
}

/** Fails unless the server closes the connection within `ms`. */
async function closedWithin(connection: RawConnection, ms: number): Promise<number> {
  const timer = sleep(ms).then(() => {
    throw new Error(`the connection was still open after ${ms} ms`);
  });
  try {
    return await Promise.race([connection.closed, timer]);
  } finally {
    connection.socket.destroy();
  }
}

describe('slow and silent clients are cut off', () => {
  let t: TestApp;
  let uploads: string;
  let seller: SignedIn;
  let port: number;
  const stopTrickles: (() => void)[] = [];

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-slow-clients-'));
    t = await startTestApp({
      UPLOADS_DIR: uploads,
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
      HTTP_IDLE_TIMEOUT_MS: String(IDLE_MS),
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.http.address() as AddressInfo).port;
    seller = await registerSeller(t);
  });
  afterEach(() => stopTrickles.splice(0).forEach((stop) => stop()));
  afterAll(async () => {
    await t?.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  /** Writes `text` one byte every `everyMs`, until the connection closes or the test ends. */
  const trickle = (connection: RawConnection, text: string, everyMs: number) => {
    let index = 0;
    const timer = setInterval(() => {
      if (connection.socket.destroyed) return clearInterval(timer);
      connection.socket.write(text[index % text.length]);
      index += 1;
    }, everyMs);
    stopTrickles.push(() => clearInterval(timer));
  };

  const uploadHead = (caseId: string, bodyBytes: number) =>
    `POST /v1/cases/${caseId}/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    `Authorization: Bearer ${seller.accessToken}\r\n` +
    'Content-Type: multipart/form-data; boundary=slow-boundary\r\n' +
    `Content-Length: ${bodyBytes}\r\n\r\n` +
    '--slow-boundary\r\nContent-Disposition: form-data; name="files"; filename="chat.png"\r\n' +
    'Content-Type: image/png\r\n\r\n';

  it('closes a connection that stops in the middle of its headers', async () => {
    const connection = await openConnection(port);
    connection.socket.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const after = await closedWithin(connection, IDLE_MS + 3_000);
    expect(after).toBeGreaterThanOrEqual(IDLE_MS - 100);
  });

  it('answers 408 to headers trickled too slowly to finish in time, and closes', async () => {
    const connection = await openConnection(port);
    connection.socket.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Faster than the idle timeout, so only the headers timeout can end it.
    trickle(connection, 'X-Padding: slowly\r\n', 200);
    await closedWithin(connection, HEADERS_MS + 3_000);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an upload that stalls, and leaves none of it behind', async () => {
    const kase = await fileCase(t, seller);
    const connection = await openConnection(port);
    connection.socket.write(uploadHead(kase.id, 5_000_000));
    connection.socket.write(Buffer.alloc(64 * 1024, 1));
    await closedWithin(connection, IDLE_MS + 3_000);
    await eventually(async () => expect(await readdir(join(uploads, 'tmp'))).toEqual([]));
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM evidence WHERE case_id = $1', [
      kase.id,
    ]);
    expect(n).toBe(0);
  });

  it('closes an upload trickled too slowly to arrive within the request timeout', async () => {
    const kase = await fileCase(t, seller);
    const connection = await openConnection(port);
    connection.socket.write(uploadHead(kase.id, 5_000_000));
    trickle(connection, 'x', 200);
    const after = await closedWithin(connection, REQUEST_MS + 3_000);
    expect(after).toBeGreaterThanOrEqual(REQUEST_MS - 100);
  });

  it('keeps an event stream open past the idle timeout, and still serves everyone else', async () => {
    const kase = await fileCase(t, seller);
    const stream = await openEventStream(
      t.http,
      `/v1/cases/${kase.id}/evidence/progress`,
      bearer(seller),
    );
    try {
      expect(stream.status).toBe(200);
      await sleep(IDLE_MS * 2.5);
      expect(stream.ended).toBe(false);
    } finally {
      stream.close();
    }
    await request(t.http).get('/health/live').expect(200);
  });
});
