import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { startTestApp, TestApp } from './test-app';

/** Debian's Chromium: `.ci/run` installs the package when it is missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

export interface WebApp extends TestApp {
  baseUrl: string;
  startedAt: Date;
}

/** The whole service listening on a free port, for a browser to reach. */
export async function startWebApp(overrides: Record<string, string> = {}): Promise<WebApp> {
  const startedAt = new Date();
  const t = await startTestApp(overrides);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}`, startedAt };
}

/**
 * Lets the background work this file started finish, then closes the app: work left queued
 * would otherwise run in the next file's worker, in the middle of that file's tests.
 */
export async function closeWebApp(t: WebApp | undefined): Promise<void> {
  if (!t) return;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [{ pending }] = await t.db.query(
      `SELECT count(*)::int AS pending FROM outbox
        WHERE finished_at IS NULL AND failed_at IS NULL AND created_at >= $1`,
      [t.startedAt],
    );
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await t.app.close();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

/** Console errors and uncaught page errors, which a page of ours must never have. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, errors: collectPageErrors(page) };
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical violations of WCAG 2.1 A and AA on the page as it is now. The
 * script goes in through the DevTools protocol, which the pages' CSP does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
}

const SCREENSHOTS_DIR = join(__dirname, '..', '..', '.ci', 'out', 'screenshots');

/** Keeps a picture of the page for a reviewer, under .ci/out/screenshots. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}
