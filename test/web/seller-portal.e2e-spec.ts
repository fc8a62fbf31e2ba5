import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { GUIDANCE_FILES } from '../../src/guidance/guidance-language';
import { loadGuidance } from '../../src/guidance/guidance.loader';
import {
  bearer,
  GOOD_PASSWORD,
  SignedIn,
  signedInAdmin,
  signedInStaff,
} from '../factories/accounts';
import { taobaoGbkExport } from '../factories/order-exports';
import { chatScreenshot, phoneChatScreenshot } from '../factories/screenshots';
import {
  launchChromium,
  newPage,
  PHONE,
  saveScreenshot,
  seriousAxeViolations,
  closeWebApp,
  startWebApp,
  WebApp,
} from '../helpers/browser';

/** Fills the sign-up form and sends it; the seller lands on the filing form. */
async function signUp(page: Page, baseUrl: string, who: { email: string; name: string }) {
  await page.goto(`${baseUrl}/signup`);
  await page.locator('#field-email').fill(who.email);
  await page.locator('#field-password').fill(GOOD_PASSWORD);
  await page.locator('#field-displayName').fill(who.name);
  await page.locator('#field-platform').selectOption('taobao');
  await page.locator('#field-shopId').fill(`shop-${randomUUID().slice(0, 8)}`);
  await page.locator('#field-shopName').fill('快乐卡片店');
  await page.locator('main button[type=submit]').click();
  await page.waitForURL(/\/cases\/new$/);
}

/** Small, so that a file over it is quick to send. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

describe('the seller portal in a phone browser', () => {
  let t: WebApp;
  let browser: Browser;
  let moderator: SignedIn;
  const qq = String(3_100_000_000 + Math.floor(Math.random() * 800_000_000));

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startWebApp({ INTEL_OCR_ENABLED: 'true', EVIDENCE_MAX_FILE_BYTES: String(MAX_FILE_BYTES) }),
      launchChromium(),
    ]);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(async () => {
    await browser?.close();
    await closeWebApp(t);
  });

  const staffAct = (caseId: string, move: string, body: object) =>
    request(t.http).post(`/v1/cases/${caseId}/${move}`).set(bearer(moderator)).send(body);

  it('signs up, files an extortion complaint with two screenshots and a GBK export, watches them analysed, answers the moderator and reads the outcome', async () => {
    const { context, page, errors } = await newPage(browser, { ...PHONE, locale: 'zh-CN' });
    await signUp(page, t.baseUrl, { email: `seller-${randomUUID()}@example.com`, name: '李娜' });
    await saveScreenshot(page, 'phone-zh-new-case');
    const taobaoInChinese = loadGuidance(GUIDANCE_FILES.zh).platforms.taobao;
    expect(await page.locator('.guidance .checklist li').allTextContents()).toEqual([
      ...taobaoInChinese.captureNow,
    ]);

    await page.locator('#field-type').selectOption('extortion');
    await page.locator('#field-title').fill('买家要 200 元才删一星差评');
    await page.locator('#field-description').fill('买家给了一星差评，然后加我 QQ 要 200 元才删。');
    await page.locator('#field-amountDemanded').fill('¥200');
    await page.locator('#field-demandChannel').selectOption('qq');
    await page.locator('#field-qq').fill(qq);
    await page.locator('#field-files').setInputFiles([
      {
        name: '聊天截图1.png',
        mimeType: 'image/png',
        buffer: await phoneChatScreenshot([`扣扣 ${qq} 加我`, '给 200 元删差评']),
      },
      {
        name: 'chat-2.png',
        mimeType: 'image/png',
        buffer: await chatScreenshot([`Add me on QQ: ${qq}`, 'pay 200 or the review stays']),
      },
      {
        name: 'ExportOrderList.csv',
        mimeType: 'text/csv',
        buffer: taobaoGbkExport([
          '3318827765001,tb_buyer_8812,50.00,交易关闭,2026-11-18 09:12:00,退款成功,50.00',
        ]),
      },
    ]);
    expect(await page.locator('[data-file-list] progress').count()).toBe(3);
    await page.locator('.filing-form button[type=submit]').click();
    await page.waitForURL(/\/cases\/BW-[A-Z0-9]+\?filed=1$/);
    const reference = (await page.locator('.confirmation .reference').textContent()) ?? '';
    expect(page.url()).toContain(`/cases/${reference}`);

    // The page follows the progress stream until every file is analysed.
    await page
      .locator('[data-finished="false"]')
      .first()
      .waitFor({ state: 'detached', timeout: 90_000 });
    expect(await page.locator('.evidence-item').count()).toBe(3);
    await page.getByText(`我们在此文件中找到了 QQ ${qq}。`).first().waitFor();
    await saveScreenshot(page, 'phone-zh-case-analysed');

    const kase = (
      await request(t.http).get(`/v1/cases/${reference}`).set(bearer(moderator)).expect(200)
    ).body;
    await staffAct(kase.id, 'claim', {}).expect(200);
    await staffAct(kase.id, 'request-info', { message: '请上传完整的聊天记录。' }).expect(200);

    await page.goto(`${t.baseUrl}/cases`);
    expect(await page.locator('.case-card .badge').textContent()).toBe('待您回复');
    await saveScreenshot(page, 'phone-zh-my-cases');
    await page.locator('.case-card a').click();
    expect(await page.locator('.message-asking').textContent()).toContain('请上传完整的聊天记录。');
    await page.locator('#field-body').fill('已经上传了，谢谢。');
    await page.locator('#reply button[type=submit]').click();
    await page.waitForURL(/#reply$/);
    expect(await page.locator('.message-mine').textContent()).toContain('已经上传了，谢谢。');
    expect(await page.locator('.case-status .badge').textContent()).toBe('审核中');

    await staffAct(kase.id, 'resolve', {
      outcome: 'upheld',
      summary: '聊天截图证明对方索要钱财。',
      actions: ['ban_recommended'],
    }).expect(200);
    await page.reload();
    const outcome = await page.locator('.outcome').textContent();
    expect(outcome).toContain('举报成立');
    expect(outcome).toContain('聊天截图证明对方索要钱财。');
    expect(outcome).toContain('已建议平台封禁');
    await saveScreenshot(page, 'phone-zh-case-resolved');

    // One appeal, within its window, sends the case back to the queue.
    await page.locator('summary', { hasText: '对处理结果申诉' }).click();
    await page.locator('#field-reason').fill('对方在其他平台也这样勒索过别人。');
    await page.locator('form[action$="/appeal"] button[type=submit]').click();
    await page.waitForURL(new RegExp(`/cases/${reference}$`));
    expect(await page.locator('.case-status .badge').textContent()).toBe('审核中');
    expect(await page.locator('form[action$="/appeal"]').count()).toBe(0);

    // What a seller may see and nothing more.
    expect(await page.content()).not.toContain(moderator.id);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('files the same complaint with JavaScript off, after correcting a refused form', async () => {
    const { context, page, errors } = await newPage(browser, {
      ...PHONE,
      locale: 'en-US',
      javaScriptEnabled: false,
    });
    await signUp(page, t.baseUrl, { email: `nojs-${randomUUID()}@example.com`, name: 'Li Na' });

    await page.locator('#field-type').selectOption('extortion');
    await page.locator('#field-description').fill('The buyer wants 200 yuan to delete a review.');
    await page.locator('#field-amountDemanded').fill('二百');
    await page.locator('.filing-form button[type=submit]').click();
    const refusedFields = async () => {
      await page.locator('.error-summary').waitFor();
      return page
        .locator('.error-summary a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    };
    expect(await refusedFields()).toEqual(['#field-title']);
    expect(await page.locator('#field-title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-title').getAttribute('aria-describedby')).toContain(
      'field-title-error',
    );
    await saveScreenshot(page, 'phone-en-new-case-refused');

    await page.locator('#field-title').fill('Buyer wants ¥200 to delete a review');
    await page.locator('.filing-form button[type=submit]').click();
    expect(await refusedFields()).toEqual(['#field-amountDemanded']);
    expect(await page.locator('#field-amountDemanded').inputValue()).toBe('二百');
    expect(await page.locator('#field-title').inputValue()).toBe(
      'Buyer wants ¥200 to delete a review',
    );

    await page.locator('#field-amountDemanded').fill('200元');
    await page.locator('#field-wechat').fill('xw_chaping88');
    await page.locator('#field-files').setInputFiles([
      {
        name: 'chat.png',
        mimeType: 'image/png',
        buffer: await chatScreenshot(['WeChat: xw_chaping88', 'pay 200']),
      },
      {
        name: 'orders.csv',
        mimeType: 'text/csv',
        buffer: taobaoGbkExport([
          '3318827765002,tb_buyer_8813,19.90,交易成功,2026-11-18 10:00:00,,',
        ]),
      },
    ]);
    await page.locator('.filing-form button[type=submit]').click();
    await page.waitForURL(/\/cases\/BW-[A-Z0-9]+\?filed=1$/);
    expect(await page.locator('.confirmation').textContent()).toContain('Your report was sent');
    expect(await page.locator('.evidence-item').count()).toBe(2);
    expect(await page.locator('.facts').textContent()).toContain('CN¥200');
    // Chromium reports each refused form's 422 answer; nothing else may be logged.
    expect(errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
    expect(errors).toHaveLength(2);
    await context.close();
  });

  it('refuses a file of the wrong kind and one too large, before upload and after, filing nothing', async () => {
    const screenshot = {
      name: 'chat.png',
      mimeType: 'image/png',
      buffer: await chatScreenshot(['QQ 2847561932', 'pay 200']),
    };
    const program = {
      name: '聊天记录.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4096, 7)]),
    };
    const huge = {
      name: 'video.mp4',
      mimeType: 'video/mp4',
      buffer: Buffer.alloc(MAX_FILE_BYTES + 1, 1),
    };
    const fillForm = async (page: Page) => {
      await page.locator('#field-type').selectOption('extortion');
      await page.locator('#field-title').fill('Buyer wants ¥200 to delete a review');
      await page.locator('#field-description').fill('The buyer wants 200 yuan.');
    };
    const filesError = (page: Page) => page.locator('#field-files-error').textContent();

    // Without JavaScript the service refuses them, and the form comes back with what was typed.
    const plain = await newPage(browser, { ...PHONE, locale: 'en-US', javaScriptEnabled: false });
    await signUp(plain.page, t.baseUrl, { email: `files-${randomUUID()}@example.com`, name: 'Li' });
    await fillForm(plain.page);
    await plain.page.locator('#field-files').setInputFiles([screenshot, program]);
    const wrongKind = plain.page.waitForResponse((r) => r.request().method() === 'POST');
    await plain.page.locator('.filing-form button[type=submit]').click();
    expect((await wrongKind).status()).toBe(415);
    await plain.page.locator('.error-summary').waitFor();
    expect(await filesError(plain.page)).toContain('聊天记录.png cannot be kept');
    expect(await filesError(plain.page)).not.toContain('chat.png');
    expect(await plain.page.locator('#field-title').inputValue()).toBe(
      'Buyer wants ¥200 to delete a review',
    );
    expect(await plain.page.locator('#field-files').getAttribute('aria-invalid')).toBe('true');

    await plain.page.locator('#field-files').setInputFiles([screenshot, huge]);
    const tooLarge = plain.page.waitForResponse((r) => r.request().method() === 'POST');
    await plain.page.locator('.filing-form button[type=submit]').click();
    expect((await tooLarge).status()).toBe(413);
    await plain.page.locator('.error-summary').waitFor();
    expect(await filesError(plain.page)).toContain('larger than 2 MB');
    await saveScreenshot(plain.page, 'phone-en-new-case-file-refused');
    await plain.page.goto(`${t.baseUrl}/cases`);
    expect(await plain.page.locator('.case-card').count()).toBe(0);
    await plain.context.close();

    // With JavaScript the page names both before anything is sent, and sends nothing.
    const { context, page, errors } = await newPage(browser, { ...PHONE, locale: 'zh-CN' });
    await signUp(page, t.baseUrl, { email: `files-js-${randomUUID()}@example.com`, name: '李' });
    await fillForm(page);
    await page
      .locator('#field-files')
      .setInputFiles([
        screenshot,
        huge,
        { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: program.buffer },
      ]);
    expect(await page.locator('[data-file-list] .error').allTextContents()).toEqual([
      'video.mp4 超过 2 MB。',
      'setup.exe 不是 Bulwark 接受的文件类型。',
    ]);
    let posted = false;
    page.on('request', (sent) => {
      if (sent.method() === 'POST') posted = true;
    });
    await page.locator('.filing-form button[type=submit]').click();
    const firstProblemInView = await page
      .locator('[data-file-list] .error')
      .first()
      .evaluate((error) => {
        const { top, bottom } = error.getBoundingClientRect();
        return top >= 0 && bottom <= window.innerHeight;
      });
    expect(firstProblemInView).toBe(true);
    expect(posted).toBe(false);
    expect(page.url()).toMatch(/\/cases\/new$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows another seller a 404 page for the first one’s case and evidence', async () => {
    const owner = await newPage(browser, { ...PHONE, locale: 'en-US' });
    await signUp(owner.page, t.baseUrl, { email: `owner-${randomUUID()}@example.com`, name: 'A' });
    await owner.page.locator('#field-type').selectOption('malicious_review');
    await owner.page.locator('#field-title').fill('A one-star review and a demand');
    await owner.page.locator('#field-description').fill('Details.');
    await owner.page.locator('#field-files').setInputFiles({
      name: 'chat.png',
      mimeType: 'image/png',
      buffer: await chatScreenshot(['pay me']),
    });
    await owner.page.locator('.filing-form button[type=submit]').click();
    await owner.page.waitForURL(/filed=1$/);
    const casePath = new URL(owner.page.url()).pathname;
    const evidenceId = await owner.page.locator('.evidence-item').getAttribute('data-evidence-id');

    const other = await newPage(browser, { ...PHONE, locale: 'en-US' });
    await signUp(other.page, t.baseUrl, { email: `other-${randomUUID()}@example.com`, name: 'B' });
    for (const path of [casePath, `${casePath}/progress`, `/evidence/${evidenceId}/thumbnail`]) {
      const answer = await other.page.goto(`${t.baseUrl}${path}`);
      expect(answer?.status()).toBe(404);
    }
    await other.page.goto(`${t.baseUrl}${casePath}`);
    expect(await other.page.locator('h1').textContent()).toBe('Error 404');
    expect(await other.page.locator('main').textContent()).not.toContain('A one-star review');
    expect(await seriousAxeViolations(other.page)).toEqual([]);
    await saveScreenshot(other.page, 'phone-en-not-found');
    await owner.context.close();
    await other.context.close();
  });
});
