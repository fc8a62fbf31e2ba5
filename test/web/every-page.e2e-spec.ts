import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import request from 'supertest';
import { bearer, GOOD_PASSWORD, registerSeller, SignedIn } from '../factories/accounts';
import { fileCase } from '../factories/cases';
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

/** What a page shows when a template reached for something that is not there. */
const LEAKS = /\bundefined\b|\bnull\b|\[object Object\]|\bNaN\b|Invalid Date/;

const LOCALES = [
  { locale: 'zh-CN', lang: 'zh-CN' },
  { locale: 'en-US', lang: 'en' },
] as const;

const SIZES: { name: string; options: BrowserContextOptions }[] = [
  { name: 'phone', options: PHONE },
  { name: 'desktop', options: DESKTOP },
];

describe('every page of the seller portal, in both languages', () => {
  let t: WebApp;
  let browser: Browser;
  let seller: SignedIn;
  let reference: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startWebApp(), launchChromium()]);
    seller = await registerSeller(t);
    const kase = await fileCase(t, seller);
    reference = kase.reference;
    await request(t.http)
      .post(`/v1/cases/${kase.id}/evidence`)
      .set(bearer(seller))
      .attach('files', await chatScreenshot(['QQ 2847561932']), 'chat.png')
      .expect(202);
    await eventually(async () => {
      const items = (
        await request(t.http).get(`/v1/cases/${kase.id}/evidence`).set(bearer(seller)).expect(200)
      ).body.items;
      expect(items[0].status).toBe('processed');
    });
  });
  afterAll(async () => {
    await browser?.close();
    await closeWebApp(t);
  });

  const signIn = async (page: Page) => {
    await page.goto(`${t.baseUrl}/signin`);
    await page.locator('#field-email').fill(seller.email);
    await page.locator('#field-password').fill(GOOD_PASSWORD);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(/\/cases$/);
  };

  const pages = () => [
    { name: 'sign-in', path: '/signin', signedIn: false, status: 200 },
    { name: 'sign-up', path: '/signup', signedIn: false, status: 200 },
    { name: 'my-cases', path: '/cases', signedIn: true, status: 200 },
    { name: 'new-case', path: '/cases/new', signedIn: true, status: 200 },
    { name: 'case', path: `/cases/${reference}`, signedIn: true, status: 200 },
    { name: 'account', path: '/account', signedIn: true, status: 200 },
    { name: 'not-found', path: '/cases/BW-NOSUCH', signedIn: true, status: 404 },
  ];

  it('has an accessibility check that finds a serious violation when there is one', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.setContent(
      '<html lang="en"><title>x</title><body><main><input></main></body></html>',
    );
    expect((await seriousAxeViolations(page)).map((violation) => violation.id)).toContain('label');
    await context.close();
  });

  for (const { locale, lang } of LOCALES) {
    for (const size of SIZES) {
      it(`draws every page in ${locale} at ${size.name} size without errors or serious axe violations`, async () => {
        const { context, page, errors } = await newPage(browser, { ...size.options, locale });
        for (const [index, target] of pages().entries()) {
          if (target.signedIn && index > 0 && !pages()[index - 1].signedIn) await signIn(page);
          const answer = await page.goto(`${t.baseUrl}${target.path}`);
          expect({ page: target.name, status: answer?.status() }).toEqual({
            page: target.name,
            status: target.status,
          });
          expect(await page.locator('html').getAttribute('lang')).toBe(lang);
          const text = (await page.locator('body').innerText()) ?? '';
          expect({ page: target.name, leak: LEAKS.exec(text)?.[0] }).toEqual({
            page: target.name,
            leak: undefined,
          });
          expect({ page: target.name, violations: await seriousAxeViolations(page) }).toEqual({
            page: target.name,
            violations: [],
          });
          await saveScreenshot(page, `${size.name}-${lang}-${target.name}`);
        }
        // The not-found page is answered 404, which Chromium reports; nothing else may be.
        expect(errors.filter((error) => !error.includes('status of 404'))).toEqual([]);
        await context.close();
      });
    }
  }
});
