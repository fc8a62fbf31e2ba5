import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3100';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })).newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  await page.goto(`${base}/signin`);
  await page.fill('#field-email', 'mod@example.com');
  await page.fill('#field-password', 'Lantern-Meadow-Crisp-73');
  await page.click('main button[type=submit]');
  await page.waitForLoadState();
  console.log(page.url());
  await page.screenshot({ path: '/tmp/shots/queue.png', fullPage: true });
  const r = await page.goto(`${base}/console/cases/BW-QRQGET`);
  console.log(r?.status(), (await page.locator('main').innerText()).slice(0, 300));
  await page.screenshot({ path: '/tmp/shots/mcase.png', fullPage: true });
  await browser.close();
})();
