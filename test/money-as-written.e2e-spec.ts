import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { bearer, registerSeller, SignedIn } from './factories/accounts';
import { extortionCase } from './factories/cases';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

const ACCEPTED_FORMS = '50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30';

describe('money as sellers write it', () => {
  let t: TestApp;
  let uploads: string;
  let seller: SignedIn;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-money-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads });
    seller = await registerSeller(t);
  });
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const count = async (table: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const fileJson = (overrides: Record<string, unknown>) =>
    request(t.http).post('/v1/cases').set(bearer(seller)).send(extortionCase(overrides));
  const fileForm = (fields: Record<string, string>) =>
    Object.entries({ type: 'extortion', title: 'Demand typed by hand', ...fields }).reduce(
      (form, [name, value]) => form.field(name, value),
      request(t.http).post('/v1/cases').set(bearer(seller)),
    );
  const screenshot = () =>
    sharp({ create: { width: 64, height: 64, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();

  it('keeps the JSON form of money exactly as it was', async () => {
    const filed = await fileJson({
      amountDemanded: { amount: '50.00', currency: 'CNY' },
      amountPaid: { amount: '20', currency: 'cny' },
    }).expect(201);
    expect(filed.body).toMatchObject({
      amountDemanded: { amount: '50.00', currency: 'CNY' },
      amountPaid: { amount: '20.00', currency: 'CNY' },
    });
  });

  it.each([
    ['a yuan sign', 'taobao', { amount: '¥50' }, { amount: '50.00', currency: 'CNY' }],
    ['a full-width yuan sign', 'jd', { amount: '￥50' }, { amount: '50.00', currency: 'CNY' }],
    ['元 after the sum', 'pinduoduo', { amount: '50 元' }, { amount: '50.00', currency: 'CNY' }],
    ['RMB before the sum', 'tmall', { amount: 'RMB 50' }, { amount: '50.00', currency: 'CNY' }],
    ['no currency on taobao', 'taobao', { amount: '50.00' }, { amount: '50.00', currency: 'CNY' }],
    ['no currency on amazon', 'amazon', { amount: '30' }, { amount: '30.00', currency: 'USD' }],
    ['a dollar sign on taobao', 'taobao', { amount: '$30' }, { amount: '30.00', currency: 'USD' }],
    [
      'a sign the currency agrees with',
      'other',
      { amount: '¥1000', currency: 'JPY' },
      { amount: '1000', currency: 'JPY' },
    ],
  ])('files JSON money written with %s', async (_name, platform, written, stored) => {
    const filed = await fileJson({ platform, amountDemanded: written }).expect(201);
    expect(filed.body.amountDemanded).toEqual(stored);
    const [row] = await t.db.query(
      'SELECT amount_demanded::text AS amount, currency FROM cases WHERE id = $1',
      [filed.body.id],
    );
    expect(row).toEqual(stored);
  });

  it('files a plain HTML form whose amounts carry their own currency, or the platform’s', async () => {
    const withSign = await fileForm({
      platform: 'taobao',
      amountDemanded: '50元',
      amountPaid: '¥0',
      currency: '',
    }).expect(201);
    expect(withSign.body).toMatchObject({
      amountDemanded: { amount: '50.00', currency: 'CNY' },
      amountPaid: { amount: '0.00', currency: 'CNY' },
    });
    const bare = await fileForm({ platform: 'ebay', amountDemanded: '30' }).expect(201);
    expect(bare.body.amountDemanded).toEqual({ amount: '30.00', currency: 'USD' });
    const spoken = await fileForm({ platform: 'douyin', amountDemanded: '50块' }).expect(201);
    expect(spoken.body.amountDemanded).toEqual({ amount: '50.00', currency: 'CNY' });
  });

  it.each([
    [
      'a sign that disagrees with the currency',
      { platform: 'taobao', amountDemanded: { amount: '$30', currency: 'CNY' } },
      'amountDemanded.amount',
      'is written in USD but the currency given is CNY; write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
    ],
    [
      'a range',
      { amountDemanded: { amount: '50-100' } },
      'amountDemanded.amount',
      `is a range, not one amount; write one amount as ${ACCEPTED_FORMS}`,
    ],
    [
      'Chinese numerals',
      { amountDemanded: { amount: '五十' } },
      'amountDemanded.amount',
      `is written in Chinese numerals; write it in digits; write one amount as ${ACCEPTED_FORMS}`,
    ],
    [
      'an ambiguous comma',
      { amountPaid: { amount: '1,2' } },
      'amountPaid.amount',
      `has a comma that could be a decimal point or a thousands separator; write one amount as ${ACCEPTED_FORMS}`,
    ],
    [
      'no currency where the platform has none',
      { platform: 'shopee', amountDemanded: { amount: '50' } },
      'amountDemanded.currency',
      'is needed: the amount names none, and the platform has no usual currency; choose one, or write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
    ],
  ])('refuses JSON money with %s: a 422 naming the field, and no case', async (...example) => {
    const [, overrides, field, message] = example;
    const before = await count('cases');
    const problem = expectProblem(await fileJson(overrides), 422);
    expect(problem.errors).toEqual([{ field, message }]);
    expect(await count('cases')).toBe(before);
  });

  it.each([
    [
      'a sign that disagrees with the currency',
      { amountDemanded: '$30', currency: 'CNY' },
      'amountDemanded',
    ],
    ['a range', { amountDemanded: '50-100元' }, 'amountDemanded'],
    ['Chinese numerals', { amountDemanded: '五十元' }, 'amountDemanded'],
    ['an ambiguous comma', { amountPaid: '1,2' }, 'amountPaid'],
    [
      'no currency where the platform has none',
      { platform: 'aliexpress', amountDemanded: '50' },
      'currency',
    ],
  ])(
    'refuses a form with %s, naming the form field, and stores neither case nor file',
    async (_name, fields, field) => {
      const [cases, evidence] = [await count('cases'), await count('evidence')];
      const objects = await readdir(uploads, { recursive: true });
      const problem = expectProblem(
        await fileForm({ platform: 'taobao', ...fields }).attach(
          'files',
          await screenshot(),
          'chat.png',
        ),
        422,
      );
      expect(fieldsOf(problem)).toEqual([field]);
      expect(problem.errors[0].message).toContain(ACCEPTED_FORMS);
      expect([await count('cases'), await count('evidence')]).toEqual([cases, evidence]);
      expect(await readdir(uploads, { recursive: true })).toEqual(objects);
    },
  );
});
