import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import request from 'supertest';
import {
  bearer,
  GOOD_PASSWORD,
  registerSeller,
  SignedIn,
  signedInAdmin,
  signedInStaff,
} from '../factories/accounts';
import { fileCase } from '../factories/cases';
import { taobaoGbkExport } from '../factories/order-exports';
import { chatScreenshot } from '../factories/screenshots';
import { eventually } from '../helpers/eventually';
import {
  DESKTOP,
  launchChromium,
  newPage,
  PHONE,
  saveScreenshot,
  seriousAxeViolations,
  closeWebApp,
  startWebApp,
  WebApp,
} from '../helpers/browser';

/** Presses Tab until the focus is on `selector`: the page is worked with the keyboard alone. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function signInAs(page: Page, baseUrl: string, who: SignedIn): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.locator('#field-email').fill(who.email);
  await page.locator('#field-password').fill(GOOD_PASSWORD);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL(/\/console$/);
}

describe('the moderator console in a desktop browser', () => {
  let t: WebApp;
  let browser: Browser;
  let admin: SignedIn;
  let moderator: SignedIn;
  let seller: SignedIn;
  const qq = String(3_000_000_000 + Math.floor(Math.random() * 90_000_000));

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startWebApp({ INTEL_OCR_ENABLED: 'true' }),
      launchChromium(),
    ]);
    admin = await signedInAdmin(t);
    moderator = await signedInStaff(t, admin, 'moderator');
    seller = await registerSeller(t);
  });
  afterAll(async () => {
    await browser?.close();
    await closeWebApp(t);
  });

  const upload = async (caseId: string, file: Buffer, name: string) =>
    request(t.http)
      .post(`/v1/cases/${caseId}/evidence`)
      .set(bearer(seller))
      .attach('files', file, name)
      .expect(202);

  it('works a case from the queue to a decision with the keyboard', async () => {
    const kase = await fileCase(t, seller, {
      title: `Blackmail over QQ ${qq}`,
      reported: [{ identifiers: [{ kind: 'qq', value: qq }] }],
    });
    await upload(
      kase.id,
      await chatScreenshot([`Add me on QQ: ${qq}`, 'pay 200 or the review stays']),
      'chat.png',
    );
    await upload(
      kase.id,
      taobaoGbkExport([
        '3318827765001,tb_buyer_8812,50.00,交易关闭,2026-11-18 09:12:00,退款成功,50.00',
      ]),
      'ExportOrderList.csv',
    );
    await eventually(async () => {
      const items = (
        await request(t.http).get(`/v1/cases/${kase.id}/evidence`).set(bearer(seller)).expect(200)
      ).body.items;
      expect(items.map((item: { analysis: { state: string } }) => item.analysis.state)).toEqual([
        'done',
        'done',
      ]);
    }, 60_000);

    const { context, page, errors } = await newPage(browser, { ...DESKTOP, locale: 'en-US' });
    await signInAs(page, t.baseUrl, moderator);
    await page.goto(`${t.baseUrl}/console?type=extortion`);
    await page.locator(`[data-queue-item="${kase.id}"]`).waitFor();
    await saveScreenshot(page, 'desktop-en-console-queue');

    // j until our case is the current one, then c claims it and o opens it.
    const count = await page.locator('[data-queue-item]').count();
    for (let presses = 0; presses < count; presses += 1) {
      await page.keyboard.press('j');
      if ((await page.locator('[aria-current="true"]').getAttribute('data-queue-item')) === kase.id)
        break;
    }
    expect(await page.locator('[aria-current="true"]').getAttribute('data-queue-item')).toBe(
      kase.id,
    );
    // The claim answers with the same queue again, the case still the current one.
    await page.keyboard.press('c');
    const ours = page.locator(`[data-queue-item="${kase.id}"]`);
    await ours.locator('.queue-actions', { hasText: 'Claimed by' }).waitFor();
    await ours.and(page.locator('[aria-current="true"]')).waitFor();
    expect(new URL(page.url()).search).toBe('?type=extortion');
    await Promise.all([
      page.waitForURL(new RegExp(`/console/cases/${kase.reference}$`)),
      page.keyboard.press('o'),
    ]);

    // The case view: OCR text beside the screenshot, orders as a table, the lease's countdown.
    const screenshotId = await page
      .locator('.evidence-card')
      .first()
      .getAttribute('data-evidence-id');
    const read = (
      await request(t.http).get(`/v1/evidence/${screenshotId}`).set(bearer(moderator)).expect(200)
    ).body;
    expect(read.ocrText).toMatch(/\S/);
    expect(await page.locator('.ocr-text').textContent()).toBe(read.ocrText);
    expect(await page.locator('table caption').textContent()).toBe('Orders in the export');
    expect(await page.locator('tbody td.reference').first().textContent()).toBe('3318827765001');
    expect(await page.locator('[data-claim-expires] strong').textContent()).toMatch(
      /^\(\d+:\d{2}\)$/,
    );
    await saveScreenshot(page, 'desktop-en-console-case');

    await page.locator('summary', { hasText: 'Ask the seller for information' }).focus();
    await page.keyboard.press('Enter');
    await tabTo(page, '#field-message');
    await page.keyboard.type('Please upload the whole chat, from the first message.');
    await tabTo(page, 'form[action$="/request-info"] button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('.case-status .badge', { hasText: 'Waiting for the seller' }).waitFor();

    await request(t.http)
      .post(`/v1/cases/${kase.id}/messages`)
      .set(bearer(seller))
      .send({ body: 'Uploaded, thank you.' })
      .expect(201);
    await page.reload();
    expect(await page.locator('.messages').textContent()).toContain('Uploaded, thank you.');

    await page.locator('summary', { hasText: /^Resolve$/ }).focus();
    await page.keyboard.press('Enter');
    await tabTo(page, '#field-outcome');
    await page.locator('#field-outcome').selectOption('upheld');
    await tabTo(page, '#field-summary');
    await page.keyboard.type('The chat shows the demand for money.');
    await tabTo(page, 'input[name=actions][value=ban_recommended]');
    await page.keyboard.press('Space');
    await tabTo(page, 'form[action$="/resolve"] button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('.case-status .badge', { hasText: 'Resolved' }).waitFor();
    expect(await page.locator('summary', { hasText: 'Reopen' }).count()).toBe(1);
    expect(await page.locator('summary', { hasText: /^Resolve$/ }).count()).toBe(0);

    const decided = (
      await request(t.http).get(`/v1/cases/${kase.id}`).set(bearer(seller)).expect(200)
    ).body;
    expect(decided).toMatchObject({
      status: 'resolved',
      outcome: 'upheld',
      resolution: expect.objectContaining({
        summary: 'The chat shows the demand for money.',
        actions: ['ban_recommended'],
      }),
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers only the moves the claim allows, and says why a refused move was refused', async () => {
    const kase = await fileCase(t, seller, {
      reported: [{ identifiers: [{ kind: 'qq', value: String(Number(qq) + 1) }] }],
    });
    const { context, page } = await newPage(browser, { ...DESKTOP, locale: 'zh-CN' });
    await signInAs(page, t.baseUrl, moderator);
    await page.goto(`${t.baseUrl}/console/cases/${kase.reference}`);
    expect(await page.locator('form[action$="/resolve"]').count()).toBe(0);
    await page.locator('[data-claim]').click();
    await page.locator('form[action$="/resolve"]').waitFor({ state: 'attached' });
    expect(await page.locator('form[action$="/release"]').count()).toBe(1);

    await page.locator('summary', { hasText: /^结案$/ }).click();
    await page.locator('form[action$="/resolve"] button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-summary').getAttribute('aria-invalid')).toBe('true');

    // A form drawn before the case changed is refused rather than applied to the new state.
    const staleEtag = await page.locator('form[action$="/escalate"] input[name=etag]').inputValue();
    await request(t.http)
      .post(`/v1/cases/${kase.id}/notes`)
      .set(bearer(moderator))
      .send({ body: '内部备注' })
      .expect(201);
    const refused = await page.request.post(
      `${t.baseUrl}/console/cases/${kase.reference}/escalate`,
      {
        form: {
          _csrf: await page.locator('input[name=_csrf]').first().inputValue(),
          etag: staleEtag,
          reason: '同一 QQ 已报警',
        },
        maxRedirects: 0,
      },
    );
    expect([409, 412]).toContain(refused.status());
    const after = (await request(t.http).get(`/v1/cases/${kase.id}`).set(bearer(moderator))).body;
    expect(after.status).toBe('in_review');
    await context.close();
  });

  it('keeps sellers out of the console and staff out of the seller portal', async () => {
    const sellerPage = await newPage(browser, PHONE);
    await sellerPage.page.goto(`${t.baseUrl}/signin`);
    await sellerPage.page.locator('#field-email').fill(seller.email);
    await sellerPage.page.locator('#field-password').fill(GOOD_PASSWORD);
    await sellerPage.page.locator('main button[type=submit]').click();
    await sellerPage.page.waitForURL(/\/cases$/);
    for (const path of [
      '/console',
      '/console/offenders',
      `/console/cases/BW-${randomUUID().slice(0, 6)}`,
    ]) {
      expect((await sellerPage.page.goto(`${t.baseUrl}${path}`))?.status()).toBe(403);
    }
    const staffPage = await newPage(browser, DESKTOP);
    await signInAs(staffPage.page, t.baseUrl, moderator);
    expect((await staffPage.page.goto(`${t.baseUrl}/cases/new`))?.status()).toBe(403);
    await sellerPage.context.close();
    await staffPage.context.close();
  });

  describe('every console page, in both languages', () => {
    let caseReference: string;
    let offenderId: string;
    let campaignId: string;

    beforeAll(async () => {
      const siegeSeller = await registerSeller(t);
      const kase = await fileCase(t, siegeSeller, {
        type: 'malicious_purchase',
        reported: [{ identifiers: [{ kind: 'qq', value: qq }] }],
      });
      caseReference = kase.reference;
      // Three quiet days of two good orders an hour, then nine hours of ten refunded one-star ones.
      const orderId = (i: number) => `99${Date.now() % 1_000_000}${String(i).padStart(3, '0')}`;
      const normal = Array.from({ length: 144 }, (_, i) => {
        const at = new Date(Date.UTC(2026, 9, 30, 2 + Math.floor(i / 2), (i % 2) * 30));
        return `${orderId(100 + i)},buyer_${randomUUID().slice(0, 6)}_${i},59.00,${at.toISOString()},done,no,5`;
      });
      const siege = Array.from({ length: 90 }, (_, i) => {
        const at = new Date(Date.UTC(2026, 10, 2, 8 + Math.floor(i / 10), (i % 10) * 5));
        return `${orderId(i)},siege_${randomUUID().slice(0, 6)}_${i},9.90,${at.toISOString()},closed,yes,1`;
      });
      const rows = [...normal, ...siege];
      await request(t.http)
        .post(`/v1/cases/${kase.id}/evidence`)
        .set(bearer(siegeSeller))
        .field('kind', 'order_export')
        .attach(
          'files',
          Buffer.from(`order id,buyer,amount,time,status,refund,rating\n${rows.join('\n')}\n`),
          'orders.csv',
        )
        .expect(202);
      campaignId = await eventually(async () => {
        const found = (
          await request(t.http)
            .get(`/v1/campaigns?sellerId=${siegeSeller.id}&kind=siege`)
            .set(bearer(moderator))
            .expect(200)
        ).body.items;
        expect(found).toHaveLength(1);
        return found[0].id as string;
      }, 30_000);
      const { activity } = (
        await request(t.http).get(`/v1/campaigns/${campaignId}`).set(bearer(moderator)).expect(200)
      ).body;
      expect(activity.normal).toEqual({
        perHour: { orders: 2, refunds: 0, badReviews: 0 },
        from: '2026-10-30T02:00:00.000Z',
        to: '2026-11-02T02:00:00.000Z',
      });
      expect(activity.hours).toHaveLength(21);
      offenderId = await eventually(async () => {
        const { offenders } = (
          await request(t.http)
            .get(`/v1/moderation/cases/${kase.id}`)
            .set(bearer(moderator))
            .expect(200)
        ).body;
        expect(offenders).not.toHaveLength(0);
        return (offenders[0] as { id: string }).id;
      });
    });

    const SIZES: { name: string; options: BrowserContextOptions }[] = [
      { name: 'desktop', options: DESKTOP },
      { name: 'phone', options: PHONE },
    ];
    for (const { locale, lang } of [
      { locale: 'zh-CN', lang: 'zh-CN' },
      { locale: 'en-US', lang: 'en' },
    ]) {
      for (const size of SIZES) {
        it(`draws them in ${locale} at ${size.name} size without errors or serious axe violations`, async () => {
          const { context, page, errors } = await newPage(browser, { ...size.options, locale });
          await signInAs(page, t.baseUrl, moderator);
          const pages = [
            ['queue', '/console'],
            ['case', `/console/cases/${caseReference}`],
            ['offenders', '/console/offenders'],
            ['offender', `/console/offenders/${offenderId}`],
            ['campaigns', '/console/campaigns'],
            ['campaign', `/console/campaigns/${campaignId}`],
            ['lookup', `/console/lookup?kind=qq&value=${qq}`],
            ['figures', '/console/figures'],
          ];
          for (const [name, path] of pages) {
            expect({ name, status: (await page.goto(`${t.baseUrl}${path}`))?.status() }).toEqual({
              name,
              status: 200,
            });
            expect(await page.locator('html').getAttribute('lang')).toBe(lang);
            const text = await page.locator('body').innerText();
            expect({
              name,
              leak: /\bundefined\b|\[object Object\]|\bNaN\b/.exec(text)?.[0],
            }).toEqual({
              name,
              leak: undefined,
            });
            expect({ name, violations: await seriousAxeViolations(page) }).toEqual({
              name,
              violations: [],
            });
            await saveScreenshot(page, `${size.name}-${lang}-console-${name}`);
          }
          await page.goto(`${t.baseUrl}/console/campaigns/${campaignId}`);
          // 9 hours of siege and 6 either side, three bars an hour, against the three days before.
          expect(await page.locator('.chart-svg rect.bar').count()).toBe(21 * 3);
          expect(await page.locator('.chart-svg line.normal').count()).toBe(3);
          const cells = (row: string) => page.locator(`table.activity ${row} td`).allTextContents();
          expect(await cells('tr.normal-row')).toEqual(['2', '0', '0']);
          expect(await cells('tbody tr:nth-child(8)')).toEqual(['10', '10', '10']);
          expect(await cells('tbody tr:nth-child(2)')).toEqual(['0', '0', '0']);
          expect(errors).toEqual([]);
          await context.close();
        });
      }
    }
  });
});
