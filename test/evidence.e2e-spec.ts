import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { EvidenceSweeper } from '../src/evidence/evidence-sweeper.service';
import { EVIDENCE_STORE, EvidenceStore } from '../src/evidence/store/evidence-store';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { blackPng, PHONE_PHOTO_EXIF } from './factories/images';
import { binaryBody } from './helpers/binary-body';
import { eventually } from './helpers/eventually';
import { multipartBody } from './helpers/multipart-body';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const GIF_JS_POLYGLOT = Buffer.concat([
  Buffer.from('GIF89a/*'),
  Buffer.from([0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]),
  Buffer.from('*/=1;alert(1);'),
]);
const CHINESE_NAME = '聊天截图_小王.png';
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
// Room for the 400-megapixel PNG (about 50 KB), small enough to test the limit cheaply.
const MAX_FILE_BYTES = 64 * 1024;
const MAX_FILES = 3;

describe('evidence uploads', () => {
  let t: TestApp;
  let uploads: string;
  let seller: SignedIn;
  let otherSeller: SignedIn;
  let moderator: SignedIn;
  let caseId: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-evidence-e2e-'));
    t = await startTestApp({
      UPLOADS_DIR: uploads,
      EVIDENCE_MAX_FILE_BYTES: String(MAX_FILE_BYTES),
      EVIDENCE_MAX_FILES: String(MAX_FILES),
    });
    seller = await registerSeller(t);
    otherSeller = await registerSeller(t);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
    caseId = (await fileCase(t, seller)).id;
  });
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const evidenceCount = async () =>
    Number((await t.db.query('SELECT count(*) AS n FROM evidence'))[0].n);
  const temporaryFiles = () => readdir(join(uploads, 'tmp'));
  const upload = (who: SignedIn, id: string) =>
    request(t.http).post(`/v1/cases/${id}/evidence`).set(bearer(who));

  it('keeps a screenshot under its SHA-256, write-once, and answers 202 with the item', async () => {
    const response = await upload(seller, caseId)
      .attach('files', PNG, { filename: 'chat.png', contentType: 'image/png' })
      .expect(202);
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(response.body).toEqual([
      expect.objectContaining({
        caseId,
        kind: 'chat_screenshot',
        status: 'received',
        fileName: 'chat.png',
        mediaType: 'image/png',
        size: PNG.length,
        sha256,
      }),
    ]);
    const object = await stat(
      join(uploads, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256),
    );
    expect(object.mode & 0o777).toBe(0o444);
    expect(await temporaryFiles()).toEqual([]);
    const outbox = await t.db.query(`SELECT event FROM outbox WHERE payload->>'evidenceId' = $1`, [
      response.body[0].id,
    ]);
    expect(outbox).toHaveLength(1);

    const again = await upload(seller, caseId).attach('files', PNG, 'again.png').expect(202);
    expect(again.body[0].id).toBe(response.body[0].id);
    const kase = await request(t.http).get(`/v1/cases/${caseId}`).set(bearer(seller)).expect(200);
    expect(kase.body.evidence).toEqual([
      {
        id: response.body[0].id,
        status: expect.stringMatching(/^(received|processing|processed)$/),
      },
    ]);

    const listed = await request(t.http).get(`/v1/cases/${caseId}/evidence`).set(bearer(moderator));
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(response.body[0].id);
    await request(t.http)
      .get(`/v1/evidence/${response.body[0].id}`)
      .set(bearer(seller))
      .expect(200);
  });

  it.each([
    ['raw UTF-8, as curl and fetch send it', 1, `filename="${CHINESE_NAME}"`],
    [
      'RFC 5987 filename*',
      2,
      `filename="fallback.png"; filename*=UTF-8''${encodeURIComponent(CHINESE_NAME)}`,
    ],
  ])('keeps a Chinese file name sent as %s', async (_how, height, filename) => {
    // Bytes of its own, or the case's existing item would come back under its first name.
    const form = multipartBody([
      {
        disposition: `name="files"; ${filename}`,
        contentType: 'image/png',
        body: blackPng(3, height),
      },
    ]);
    const response = await upload(seller, caseId)
      .set('Content-Type', form.contentType)
      .send(form.body)
      .expect(202);
    expect(response.body[0].fileName).toBe(CHINESE_NAME);
    const stored = await request(t.http)
      .get(`/v1/evidence/${response.body[0].id}`)
      .set(bearer(seller))
      .expect(200);
    expect(stored.body.fileName).toBe(CHINESE_NAME);
  });

  it('keeps a hostile file name only as harmless text', async () => {
    const name = `../../${'图'.repeat(300)}\u202Egnp.exe`;
    const csv = Buffer.from('订单编号,买家会员名\n3318827765001,tb_buyer\n');
    const response = await upload(seller, caseId)
      .field('kind', 'order_export')
      .attach('files', csv, { filename: 'x.csv', contentType: 'text/csv' })
      .expect(202);
    expect(response.body[0].kind).toBe('order_export');
    const hostile = await upload(seller, caseId)
      .attach('files', Buffer.from('hello, a chat log\n'), name)
      .expect(415);
    expect(hostile.body.errors[0].field).toBe('files[0]');
  });

  it.each([
    ['SVG declared as PNG', SVG, 'evil.png', 'image/png', 415],
    ['a GIF/JavaScript polyglot named .jpg', GIF_JS_POLYGLOT, 'cat.jpg', 'image/jpeg', 415],
    ['a 0-byte file', Buffer.alloc(0), 'empty.png', 'image/png', 422],
    [
      'one byte over the size limit',
      Buffer.alloc(MAX_FILE_BYTES + 1, 1),
      'big.png',
      'image/png',
      413,
    ],
  ])('refuses %s and stores nothing', async (_name, bytes, filename, contentType, status) => {
    const before = await evidenceCount();
    const problem = expectProblem(
      await upload(seller, caseId).attach('files', bytes, { filename, contentType }),
      status,
    );
    expect(fieldsOf(problem)).toEqual([status === 413 ? 'files' : 'files[0]']);
    expect(await evidenceCount()).toBe(before);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('refuses one file over the count limit', async () => {
    const before = await evidenceCount();
    let form = upload(seller, caseId);
    for (let i = 0; i <= MAX_FILES; i += 1) {
      form = form.attach('files', Buffer.concat([PNG, Buffer.from([i])]), `s${i}.png`);
    }
    expectProblem(await form, 413);
    expect(await evidenceCount()).toBe(before);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('refuses one bad file among good ones, storing none of them', async () => {
    const before = await evidenceCount();
    const problem = expectProblem(
      await upload(seller, caseId)
        .attach('files', Buffer.concat([PNG, Buffer.from('x')]), 'good.png')
        .attach('files', SVG, 'bad.png'),
      415,
    );
    expect(fieldsOf(problem)).toEqual(['files[1]']);
    expect(await evidenceCount()).toBe(before);
  });

  it('refuses a truncated multipart body, JSON, an unknown kind and no files', async () => {
    const truncated = await request(t.http)
      .post(`/v1/cases/${caseId}/evidence`)
      .set(bearer(seller))
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nabc');
    expectProblem(truncated, 400);
    expectProblem(await upload(seller, caseId).send({ files: [] }), 415);
    expectProblem(
      await upload(seller, caseId).field('kind', 'selfie').attach('files', PNG, 'a.png'),
      400,
    );
    expectProblem(await upload(seller, caseId).field('kind', 'chat_screenshot'), 400);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('serves the original only as a sandboxed attachment and records every download', async () => {
    const [item] = (
      await upload(seller, caseId)
        .attach('files', Buffer.concat([PNG, Buffer.from('dl')]), '聊天记录 1.png')
        .expect(202)
    ).body;
    const response = await request(t.http)
      .get(`/v1/evidence/${item.id}/content`)
      .set(bearer(moderator))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((response.body as Buffer).equals(Buffer.concat([PNG, Buffer.from('dl')]))).toBe(true);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename=.*filename\*=UTF-8''/,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['content-type']).toMatch(/^image\/png/);

    const staff = await request(t.http)
      .get(`/v1/cases/${caseId}/timeline?limit=200`)
      .set(bearer(moderator));
    const downloads = staff.body.items.filter(
      (event: { kind: string; data: { evidenceId?: string } }) =>
        event.kind === 'original_downloaded' && event.data.evidenceId === item.id,
    );
    expect(downloads).toHaveLength(1);
    expect(downloads[0].actorId).toBe(moderator.id);
    const own = await request(t.http)
      .get(`/v1/cases/${caseId}/timeline?limit=200`)
      .set(bearer(seller));
    expect(own.body.items.map((event: { kind: string }) => event.kind)).not.toContain(
      'original_downloaded',
    );
    expectProblem(
      await request(t.http).get(`/v1/evidence/${item.id}/content`).set(bearer(otherSeller)),
      404,
    );
  });

  it('sweeps old temporary files and stored objects no row names, and nothing else', async () => {
    const store = t.app.get<EvidenceStore>(EVIDENCE_STORE);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const [kept] = (await upload(seller, caseId).attach('files', PNG, 'kept.png')).body;
    const keptPath = join(
      uploads,
      'objects',
      kept.sha256.slice(0, 2),
      kept.sha256.slice(2, 4),
      kept.sha256,
    );
    await utimes(keptPath, twoHoursAgo, twoHoursAgo);
    // The worker writes previews through temporary files too: let it finish first.
    await eventually(async () => {
      const [{ n }] = await t.db.query(
        `SELECT count(*) AS n FROM evidence WHERE status IN ('received', 'processing')`,
      );
      expect(Number(n)).toBe(0);
    });

    const orphanBytes = Buffer.from('bytes of an upload whose row never committed');
    const orphan = createHash('sha256').update(orphanBytes).digest('hex');
    const orphanUpload = store.temporaryPath();
    await writeFile(orphanUpload, orphanBytes);
    await store.adopt(orphanUpload, orphan);
    const orphanPath = join(uploads, 'objects', orphan.slice(0, 2), orphan.slice(2, 4), orphan);
    await utimes(orphanPath, twoHoursAgo, twoHoursAgo);

    const freshOrphanBytes = Buffer.from('stored a moment ago, its row still on the way');
    const freshOrphan = createHash('sha256').update(freshOrphanBytes).digest('hex');
    const freshUpload = store.temporaryPath();
    await writeFile(freshUpload, freshOrphanBytes);
    await store.adopt(freshUpload, freshOrphan);

    const abandoned = store.temporaryPath();
    await writeFile(abandoned, 'half an upload');
    await utimes(abandoned, twoHoursAgo, twoHoursAgo);

    const result = await t.app.get(EvidenceSweeper).sweep();
    expect(result).toEqual({ temporaryFiles: 1, orphanObjects: 1 });
    expect(await store.has(orphan)).toBe(false);
    expect(await store.has(freshOrphan)).toBe(true);
    expect(await store.has(kept.sha256)).toBe(true);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('processes a photo in the background: size, clean preview, GPS for moderators only', async () => {
    const photo = await sharp({
      create: { width: 300, height: 120, channels: 3, background: '#2a6f97' },
    })
      .jpeg()
      .withExif(PHONE_PHOTO_EXIF)
      .toBuffer();
    const [item] = (await upload(seller, caseId).attach('files', photo, 'wechat.jpg').expect(202))
      .body;
    const processed = await eventually(async () => {
      const response = await request(t.http).get(`/v1/evidence/${item.id}`).set(bearer(seller));
      expect(response.body.status).toBe('processed');
      return response.body;
    });
    expect(processed).toEqual(expect.objectContaining({ width: 300, height: 120 }));
    expect(processed).not.toHaveProperty('gps');
    const staff = await request(t.http).get(`/v1/evidence/${item.id}`).set(bearer(moderator));
    expect(staff.body.gps).toEqual({ latitude: 31.233333, longitude: 121.466667 });

    const preview = await request(t.http)
      .get(`/v1/evidence/${item.id}/preview`)
      .set(bearer(seller))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(preview.headers['content-type']).toMatch(/^image\/webp/);
    const previewMetadata = await sharp(preview.body as Buffer).metadata();
    expect(previewMetadata.exif).toBeUndefined();
    await request(t.http).get(`/v1/evidence/${item.id}/thumbnail`).set(bearer(seller)).expect(200);
    expectProblem(
      await request(t.http).get(`/v1/evidence/${item.id}/preview`).set(bearer(otherSeller)),
      404,
    );
    expect(item.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
  });

  it('refuses a truncated JPEG and a 400-megapixel PNG at upload, and the worker stays up', async () => {
    const before = await evidenceCount();
    const jpeg = await sharp({
      create: { width: 400, height: 400, channels: 3, background: '#aa3355' },
    })
      .jpeg()
      .toBuffer();
    const cut = expectProblem(
      await upload(seller, caseId).attach(
        'files',
        jpeg.subarray(0, Math.floor(jpeg.length / 2)),
        'cut.jpg',
      ),
      422,
    );
    expect(cut.errors).toEqual([
      { field: 'files[0]', message: expect.stringMatching(/cut\.jpg.*damaged or incomplete/) },
    ]);
    const huge = expectProblem(
      await upload(seller, caseId).attach('files', blackPng(20_000, 20_000), 'huge.png'),
      422,
    );
    expect(huge.errors[0].message).toMatch(/more than 50,000,000 pixels/);
    expect(await evidenceCount()).toBe(before);
    expect(await temporaryFiles()).toEqual([]);

    const [item] = (
      await upload(seller, caseId).attach('files', blackPng(300, 200), 'fine.png').expect(202)
    ).body;
    await eventually(async () => {
      const response = await request(t.http).get(`/v1/evidence/${item.id}`).set(bearer(seller));
      expect(response.body.status).toBe('processed');
    });
  });

  it('refuses evidence for a withdrawn case with 409 and stores nothing', async () => {
    const withdrawn = await fileCase(t, seller);
    await request(t.http)
      .post(`/v1/cases/${withdrawn.id}/withdraw`)
      .set(bearer(seller))
      .expect(200);
    const before = await evidenceCount();
    expectProblem(await upload(seller, withdrawn.id).attach('files', PNG, 'late.png'), 409);
    expect(await evidenceCount()).toBe(before);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('answers 404 for another seller’s case and evidence, 401 without credentials', async () => {
    const [item] = (await upload(seller, caseId).attach('files', PNG, 'chat.png')).body;
    expectProblem(await upload(otherSeller, caseId).attach('files', PNG, 'chat.png'), 404);
    expectProblem(
      await request(t.http).get(`/v1/cases/${caseId}/evidence`).set(bearer(otherSeller)),
      404,
    );
    expectProblem(
      await request(t.http).get(`/v1/evidence/${item.id}`).set(bearer(otherSeller)),
      404,
    );
    expectProblem(await request(t.http).get(`/v1/evidence/${item.id}`), 401);
    expectProblem(await request(t.http).post(`/v1/cases/${caseId}/evidence`), 401);
  });
});
