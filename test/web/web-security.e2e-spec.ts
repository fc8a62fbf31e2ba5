import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import {
  bearer,
  GOOD_PASSWORD,
  registerSeller,
  SignedIn,
  signedInAdmin,
} from '../factories/accounts';
import { stylesheetOf } from '../../src/web/render/page-stylesheet';
import { fileCase } from '../factories/cases';
import {
  DESKTOP,
  launchChromium,
  newPage,
  closeWebApp,
  startWebApp,
  WebApp,
} from '../helpers/browser';

/** Signs a seller in through the sign-in page; the browser holds the session cookie. */
async function signInPage(page: Page, baseUrl: string, email: string, password = GOOD_PASSWORD) {
  await page.goto(`${baseUrl}/signin`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await page.locator('main button[type=submit]').click();
}

const sessionCookieOf = async (context: BrowserContext) =>
  (await context.cookies()).find((cookie) => cookie.name === 'bulwark_session');

describe('web sessions, CSRF and headers', () => {
  let t: WebApp;
  let browser: Browser;
  let admin: SignedIn;
  let attacker: Server;
  let attackerUrl: string;
  /** The page another site would serve: a form that posts to Bulwark as soon as it loads. */
  let forgedForm = '';

  beforeAll(async () => {
    [t, browser] = await Promise.all([startWebApp(), launchChromium()]);
    admin = await signedInAdmin(t);
    attacker = createServer((_request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(forgedForm);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    // Another port of the same host is another origin but the same site, so SameSite=Lax still
    // sends the cookie: only the CSRF token stands in the way.
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    attacker?.close();
    await browser?.close();
    await closeWebApp(t);
  });

  it('refuses a forged cross-site POST and changes nothing', async () => {
    const seller = await registerSeller(t);
    const kase = await fileCase(t, seller);
    const { context, page } = await newPage(browser, DESKTOP);
    await signInPage(page, t.baseUrl, seller.email);
    await page.waitForURL(/\/cases$/);

    forgedForm = `<form method="post" action="${t.baseUrl}/cases/${kase.reference}/withdraw">
      <input type="hidden" name="_csrf" value="forged"></form>
      <script>document.forms[0].submit()</script>`;
    const answer = page.waitForResponse((response) => response.url().endsWith('/withdraw'));
    await page.goto(attackerUrl);
    expect((await answer).status()).toBe(403);
    await page.locator('h1').waitFor();
    expect(await page.locator('main').textContent()).toContain('did not come from Bulwark');

    // Without any token, and with a token made for another session.
    const other = await newPage(browser, DESKTOP);
    const otherSeller = await registerSeller(t);
    await signInPage(other.page, t.baseUrl, otherSeller.email);
    await other.page.goto(`${t.baseUrl}/account`);
    const othersToken = await other.page.locator('input[name=_csrf]').first().inputValue();
    for (const body of ['', `_csrf=${encodeURIComponent(othersToken)}`]) {
      const refused = await page.request.post(`${t.baseUrl}/cases/${kase.reference}/withdraw`, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        data: body,
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
    }
    const after = await request(t.http).get(`/v1/cases/${kase.id}`).set(bearer(seller)).expect(200);
    expect(after.body.status).toBe('open');
    await context.close();
    await other.context.close();
  });

  it('ends the web session at once when the seller signs out or an admin disables the account', async () => {
    const seller = await registerSeller(t);
    const { context, page } = await newPage(browser, DESKTOP);
    await signInPage(page, t.baseUrl, seller.email);
    await page.waitForURL(/\/cases$/);
    const cookie = await sessionCookieOf(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

    await page.locator('.sign-out button').click();
    await page.waitForURL(/\/signin$/);
    // The old cookie, replayed, is no longer a session.
    const replay = await browser.newContext(DESKTOP);
    await replay.addCookies([cookie!]);
    const replayed = await replay.newPage();
    await replayed.goto(`${t.baseUrl}/cases`);
    expect(new URL(replayed.url()).pathname).toBe('/signin');
    await replay.close();

    await signInPage(page, t.baseUrl, seller.email);
    await page.waitForURL(/\/cases$/);
    await request(t.http)
      .patch(`/v1/users/${seller.id}`)
      .set(bearer(admin))
      .send({ status: 'disabled' })
      .expect(200);
    await page.goto(`${t.baseUrl}/cases`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  });

  it('changes the password, signing out the seller’s other devices', async () => {
    const seller = await registerSeller(t);
    const phone = await newPage(browser, DESKTOP);
    const laptop = await newPage(browser, DESKTOP);
    for (const { page } of [phone, laptop]) {
      await signInPage(page, t.baseUrl, seller.email);
      await page.waitForURL(/\/cases$/);
    }
    await laptop.page.goto(`${t.baseUrl}/account`);
    await laptop.page.locator('#field-currentPassword').fill('not the password');
    await laptop.page.locator('#field-newPassword').fill('Harbour-Lantern-Quiet-58');
    await laptop.page.locator('main button[type=submit]').click();
    await laptop.page.locator('.error-summary').waitFor();
    expect(await laptop.page.locator('#field-currentPassword').getAttribute('aria-invalid')).toBe(
      'true',
    );

    await laptop.page.locator('#field-currentPassword').fill(GOOD_PASSWORD);
    await laptop.page.locator('#field-newPassword').fill('Harbour-Lantern-Quiet-58');
    await laptop.page.locator('main button[type=submit]').click();
    await laptop.page.locator('.notice').waitFor();

    await phone.page.goto(`${t.baseUrl}/cases`);
    expect(new URL(phone.page.url()).pathname).toBe('/signin');
    await laptop.page.goto(`${t.baseUrl}/cases`);
    expect(new URL(laptop.page.url()).pathname).toBe('/cases');
    await request(t.http)
      .post('/v1/auth/login')
      .send({ email: seller.email, password: 'Harbour-Lantern-Quiet-58' })
      .expect(200);
    await phone.context.close();
    await laptop.context.close();
  });

  it('signs in back to the page asked for, never to another site, and says why a sign-in failed', async () => {
    const seller = await registerSeller(t);
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${t.baseUrl}/account`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await signInPage(page, t.baseUrl, seller.email, 'wrong password');
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('email or password');

    await page.goto(`${t.baseUrl}/signin?next=${encodeURIComponent('/account')}`);
    await page.locator('#field-email').fill(seller.email);
    await page.locator('#field-password').fill(GOOD_PASSWORD);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(/\/account$/);

    await page.locator('.sign-out button').click();
    await page.goto(`${t.baseUrl}/signin?next=${encodeURIComponent('//evil.example/')}`);
    await page.locator('#field-email').fill(seller.email);
    await page.locator('#field-password').fill(GOOD_PASSWORD);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(/\/cases$/);
    expect(new URL(page.url()).host).toBe(new URL(t.baseUrl).host);
    await context.close();
  });

  it('serves pages with a strict CSP, never framed, and remembers the language chosen', async () => {
    const answer = await request(t.http).get('/signin').set('Accept-Language', 'zh-CN').expect(200);
    const csp = answer.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');

    const { context, page } = await newPage(browser, { ...DESKTOP, locale: 'zh-CN' });
    await page.goto(`${t.baseUrl}/signin`);
    const inlined = await page.locator('head style').textContent();
    expect(csp).toContain(`style-src ${stylesheetOf(inlined ?? '').cspSource};`);
    const injectedColour = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: rgb(1, 2, 3) !important }';
      document.head.append(style);
      return getComputedStyle(document.body).color;
    });
    expect(injectedColour).not.toBe('rgb(1, 2, 3)');
    expect((await page.locator('.skip-link').boundingBox())?.x).toBeLessThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.locator('.languages a').click();
    await page.waitForURL(/\/signin$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${t.baseUrl}/signup`);
    expect(await page.locator('h1').textContent()).toBe('Create an account');
    await context.close();
  });

  it('draws errors raised before a page’s own handler as a page in the reader’s language', async () => {
    const page = await request(t.http)
      .post('/signin')
      .set('Accept-Language', 'zh-CN')
      .type('form')
      .send('email=li%00@example.com&password=x')
      .expect(400);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const { context, page: browserPage } = await newPage(browser, { ...DESKTOP, locale: 'zh-CN' });
    await browserPage.setContent(page.text);
    expect(await browserPage.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await browserPage.locator('h1').textContent()).toBe('错误 400');
    await context.close();

    const api = await request(t.http)
      .post('/v1/auth/login')
      .send({ email: 'li\u0000@example.com', password: 'x' })
      .expect(400);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('registers a second account of a shop as its member, and refuses a taken email on the form', async () => {
    const email = `taken-${randomUUID()}@example.com`;
    await registerSeller(t, { email });
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${t.baseUrl}/signup`);
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(GOOD_PASSWORD);
    await page.locator('#field-displayName').fill('Someone');
    await page.locator('#field-platform').selectOption('jd');
    await page.locator('#field-shopId').fill('shop-1');
    await page.locator('#field-shopName').fill('Shop');
    await page.locator('main button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#field-email-error').textContent()).toContain('already exists');
    expect(await page.locator('#field-email').inputValue()).toBe(email);
    expect(await page.locator('#field-password').inputValue()).toBe('');
    await context.close();
  });
});
