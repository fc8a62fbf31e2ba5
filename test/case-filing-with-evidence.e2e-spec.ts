import { createHash } from 'node:crypto';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { openEventStream } from './helpers/event-stream';
import { eventually } from './helpers/eventually';
import { multipartBody } from './helpers/multipart-body';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

const ORDER_EXPORT = Buffer.from(
  '\uFEFF订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,退款状态,退款金额\r\n' +
    '3318827765001,tb_buyer_8812,50.00,交易关闭,2026-11-18 09:12:00,退款成功,50.00\r\n' +
    '3318827765002,tb_honest_buyer,19.90,交易成功,2026-11-18 10:00:00,没有申请退款,0.00\r\n',
);

const FORM_FIELDS = {
  type: 'extortion',
  platform: 'taobao',
  title: 'Buyer wants 50 yuan to delete a one-star review',
  amountDemanded: '50',
  currency: 'CNY',
  qq: '2847561923',
};

function screenshot(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 360, height: 640, channels: 3, background: { r: seed, g: 120, b: 200 } },
  })
    .png()
    .toBuffer();
}

describe('filing a case with its evidence in one form', () => {
  let t: TestApp;
  let uploads: string;
  let seller: SignedIn;
  let moderator: SignedIn;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-filing-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads });
    seller = await registerSeller(t);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const count = async (table: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const form = (who: SignedIn) =>
    Object.entries(FORM_FIELDS).reduce(
      (filing, [name, value]) => filing.field(name, value),
      request(t.http).post('/v1/cases').set(bearer(who)),
    );

  it('files the case and its screenshots and order export together, then processes them', async () => {
    const filed = await form(seller)
      .attach('files', await screenshot(1), 'chat-1.png')
      .attach('files', await screenshot(2), 'chat-2.png')
      .attach('files', ORDER_EXPORT, 'orders.csv')
      .expect(201);
    expect(filed.body.evidence).toHaveLength(3);
    expect(await readdir(join(uploads, 'tmp'))).toEqual([]);

    const items = await eventually(async () => {
      const listed = await request(t.http)
        .get(`/v1/cases/${filed.body.id}/evidence`)
        .set(bearer(seller))
        .expect(200);
      expect(listed.body.items.map((item: { status: string }) => item.status)).toEqual([
        'processed',
        'processed',
        'processed',
      ]);
      return listed.body.items as { id: string; kind: string; fileName: string }[];
    });
    expect(items.map((item) => item.kind).sort()).toEqual([
      'chat_screenshot',
      'chat_screenshot',
      'order_export',
    ]);

    const exported = items.find((item) => item.kind === 'order_export')!;
    const orders = await request(t.http).get(`/v1/evidence/${exported.id}`).set(bearer(seller));
    expect(orders.body.extracted).toMatchObject({ layout: 'taobao', orderRows: 2, badRows: 0 });

    const image = items.find((item) => item.kind === 'chat_screenshot')!;
    const preview = await request(t.http)
      .get(`/v1/evidence/${image.id}/preview`)
      .set(bearer(moderator))
      .expect(200);
    expect(preview.headers['content-type']).toBe('image/webp');
    const original = await request(t.http)
      .get(`/v1/evidence/${image.id}/content`)
      .set(bearer(moderator))
      .expect(200);
    expect(original.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('keeps the Chinese name of a file sent as raw UTF-8, as curl and fetch send it', async () => {
    const name = '聊天截图_小王.png';
    const filing = multipartBody([
      ...Object.entries(FORM_FIELDS).map(([field, value]) => ({
        disposition: `name="${field}"`,
        body: value,
      })),
      {
        disposition: `name="files"; filename="${name}"`,
        contentType: 'image/png',
        body: await screenshot(99),
      },
    ]);
    const filed = await request(t.http)
      .post('/v1/cases')
      .set(bearer(seller))
      .set('Content-Type', filing.contentType)
      .send(filing.body)
      .expect(201);
    const stored = await request(t.http)
      .get(`/v1/evidence/${filed.body.evidence[0].id}`)
      .set(bearer(seller))
      .expect(200);
    expect(stored.body.fileName).toBe(name);
  });

  it('streams each item’s progress to its seller, and to nobody else', async () => {
    const filed = await form(seller).expect(201);
    const server: Server = t.http.listen(0);
    const path = `/v1/cases/${filed.body.id}/evidence/progress`;
    const stream = await openEventStream(server, path, bearer(seller));
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      const [item] = (
        await request(t.http)
          .post(`/v1/cases/${filed.body.id}/evidence`)
          .set(bearer(seller))
          .attach('files', await screenshot(7), 'live.png')
          .expect(202)
      ).body;
      await eventually(async () => {
        const statuses = stream.events
          .filter((event) => event.event === 'evidence' && event.id === item.id)
          .map((event) => (event.data as { status: string }).status);
        expect(statuses[statuses.length - 1]).toBe('processed');
        expect(statuses[0]).toMatch(/^(received|processing|processed)$/);
      });

      const stranger = await registerSeller(t);
      const refused = await openEventStream(server, path, bearer(stranger));
      refused.close();
      expect(refused.status).toBe(404);
    } finally {
      stream.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses the whole filing when one file is refused: no case, no evidence, no temp file', async () => {
    const [cases, evidence] = [await count('cases'), await count('evidence')];
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>');
    const problem = expectProblem(
      await form(seller)
        .attach('files', await screenshot(3), 'fine.png')
        .attach('files', svg, 'chat.png'),
      415,
    );
    expect(fieldsOf(problem)).toEqual(['files[1]']);
    expect([await count('cases'), await count('evidence')]).toEqual([cases, evidence]);
    expect(await readdir(join(uploads, 'tmp'))).toEqual([]);
  });

  it('stores none of the files of a filing whose own fields are refused', async () => {
    const shot = await screenshot(211);
    const sha256 = createHash('sha256').update(shot).digest('hex');
    const problem = expectProblem(
      await form(seller)
        .field('incidentAt', '2999-01-01T00:00:00Z')
        .attach('files', shot, 'chat.png'),
      422,
    );
    expect(fieldsOf(problem)).toEqual(['incidentAt']);
    const stored = join(uploads, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await expect(access(stored)).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(uploads, 'tmp'))).toEqual([]);
  });

  it('replays a retried filing with the same key and files, and refuses other files under it', async () => {
    const key = `filing-${Date.now()}`;
    const png = await screenshot(4);
    const first = await form(seller).set('Idempotency-Key', key).attach('files', png, 'a.png');
    expect(first.status).toBe(201);
    const again = await form(seller).set('Idempotency-Key', key).attach('files', png, 'a.png');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await form(seller)
      .set('Idempotency-Key', key)
      .attach('files', await screenshot(5), 'a.png');
    expectProblem(other, 422);
  });

  it('takes no files from a moderator filing and refuses files over the count limit', async () => {
    expectProblem(await form(moderator).attach('files', await screenshot(6), 'a.png'), 403);
    let tooMany = form(seller);
    for (let i = 0; i <= t.config.evidence.maxFiles; i += 1) {
      tooMany = tooMany.attach('files', await screenshot(10 + i), `s${i}.png`);
    }
    expectProblem(await tooMany, 413);
    expect(await readdir(join(uploads, 'tmp'))).toEqual([]);
  });
});
