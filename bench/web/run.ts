import { chromium } from 'playwright-core';
import { ensureBuild } from '../lib/build';
import { stop, waitFor200 } from '../lib/children';
import { migrateDatabase } from '../lib/migrate';
import { parseIntegerOptions, runMain, UsageError } from '../lib/options';
import { fmt, loadAverage, printMachine, table } from '../lib/report';
import { resetStorage } from '../lib/storage';
import { newAdmin, startService } from '../intel/service';
import { WebSession, signInToWeb, staffAccount, sellerAccount } from './web-sessions';

// The web pages: server render time of the moderation queue (50 items) and of the case view with
// 20 moderators at once, the bytes of the seller's filing page on a first visit, and how long the
// filing form takes to be usable over an emulated slow 3G connection.
// Usage: npm run build && npm run bench:web [-- --cases 200 --requests 25 --moderators 20]

const DATABASE = 'bulwark_bench_web';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
const REDIS_KEY_PREFIX = 'bulwark_bench_web';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Two definitions of a slow 3G line: Chrome DevTools' preset (as Puppeteer spells it: 500 kbit/s
 * at 80%, 2 s added to every request) and WebPageTest's "3G Slow" (400 kbit/s, 400 ms RTT).
 */
const SLOW_LINES = [
  {
    name: 'DevTools "Slow 3G": 2,000 ms a request, 50,000 B/s',
    conditions: {
      offline: false,
      latency: 2000,
      downloadThroughput: 50_000,
      uploadThroughput: 50_000,
    },
  },
  {
    name: 'WebPageTest "3G Slow": 400 ms RTT, 50,000 B/s',
    conditions: {
      offline: false,
      latency: 400,
      downloadThroughput: 50_000,
      uploadThroughput: 50_000,
    },
  },
];

const USAGE =
  'usage: npm run bench:web [-- --cases N] [--requests N] [--moderators N]\n' +
  '  --cases N       open cases seeded (default 200)\n' +
  '  --requests N    requests per moderator per page (default 25)\n' +
  '  --moderators N  moderators at once (default 20)';

type Options = { cases: number; requests: number; moderators: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Every moderator asks for `path` `requests` times in a row, all moderators at once. */
async function underLoad(base: string, sessions: WebSession[], path: string, requests: number) {
  const times: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      for (let i = 0; i < requests; i += 1) {
        const at = performance.now();
        const answer = await fetch(`${base}${path}`, {
          headers: { cookie: session.cookie, 'accept-encoding': 'br' },
        });
        await answer.arrayBuffer();
        times.push(performance.now() - at);
        if (answer.status !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    perSecond: times.length / seconds,
    failures,
    count: times.length,
  };
}

async function main(): Promise<void> {
  const options = parseIntegerOptions<Options>(
    process.argv.slice(2),
    { cases: 200, requests: 25, moderators: 20 },
    USAGE,
  );
  if (options.cases < 50) throw new UsageError('--cases must be at least 50: the queue shows 50');
  const loadBefore = loadAverage();
  ensureBuild();
  await resetStorage(DATABASE, REDIS_KEY_PREFIX);
  await migrateDatabase(DATABASE_URL);
  const admin = newAdmin();
  const service = await startService({
    databaseUrl: DATABASE_URL,
    redisKeyPrefix: REDIS_KEY_PREFIX,
    preferredPort: 3300,
    admin,
  });
  const base = service.base;
  try {
    await waitFor200(service, '/health/ready');
    const seller = await sellerAccount(base);
    let reference = '';
    for (let i = 0; i < options.cases; i += 1) {
      reference = await seller.fileCase(i);
    }
    await seller.attachScreenshots(reference, 2);
    const moderators = await Promise.all(
      Array.from({ length: options.moderators }, () => staffAccount(base, admin)),
    );
    const sessions = await Promise.all(moderators.map((who) => signInToWeb(base, who)));

    // Warm up: JIT, connection pools, the queue's figures cache.
    await underLoad(base, sessions.slice(0, 2), '/console?limit=50', 5);
    await underLoad(base, sessions.slice(0, 2), `/console/cases/${reference}`, 5);
    const queue = await underLoad(base, sessions, '/console?limit=50', options.requests);
    const caseView = await underLoad(
      base,
      sessions,
      `/console/cases/${reference}`,
      options.requests,
    );

    const sellerSession = await signInToWeb(base, seller.account);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const { bytes, resources } = await firstLoadBytes(browser, base, sellerSession);
    const slow = [];
    for (const line of SLOW_LINES) {
      slow.push({
        line: line.name,
        ...(await slowLineUsable(browser, base, sellerSession, line.conditions)),
      });
    }
    await browser.close();

    console.log('\n## Server render under 20 moderators at once\n');
    console.log(
      table(
        ['page', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'pages/s', 'failures'],
        [
          ['queue, 50 items', queue],
          ['case view (2 screenshots)', caseView],
        ].map(([name, run]) => {
          const r = run as Awaited<ReturnType<typeof underLoad>>;
          return [
            name as string,
            fmt(r.count),
            fmt(r.p50, 1),
            fmt(r.p95, 1),
            fmt(r.p99, 1),
            fmt(r.perSecond, 1),
            fmt(r.failures),
          ];
        }),
      ),
    );
    console.log('\n## The filing page, first visit\n');
    console.log(
      table(
        ['resource', 'bytes on the wire'],
        resources.map(([url, size]) => [url, fmt(size)]),
      ),
    );
    console.log(`\nTotal: ${fmt(bytes)} bytes (${fmt(bytes / 1024, 1)} KiB), compressed as sent.`);
    console.log('\n## The filing form over a slow 3G line, cache empty\n');
    console.log(
      table(
        [
          'line',
          'form usable ms (first paint: styled, works as a plain form)',
          'enhanced ms (DOMContentLoaded: script run)',
          'load ms',
        ],
        slow.map((run) => [run.line, fmt(run.usable), fmt(run.enhanced), fmt(run.load)]),
      ),
    );
    printMachine(loadBefore, [
      `${options.cases} open cases, ${options.moderators} moderators × ${options.requests} requests per page`,
      `service: one process (BULWARK_ROLE=all), OCR off; browser: Debian Chromium (${CHROMIUM})`,
    ]);
  } finally {
    await stop(service);
  }
}

/** What a first visit to the filing page transfers, resource by resource, as the network saw it. */
async function firstLoadBytes(
  browser: import('playwright-core').Browser,
  base: string,
  session: WebSession,
) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies(session.cookies(base));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
  await page.goto(`${base}/cases/new`, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  await context.close();
  const resources = [...sizes]
    .filter(([id]) => urls.get(id)?.startsWith(base))
    .map(([id, size]) => [new URL(urls.get(id) ?? base).pathname, size] as [string, number]);
  return { bytes: resources.reduce((sum, [, size]) => sum + size, 0), resources };
}

/**
 * Milliseconds from navigation until the filing form is painted, styled and usable as a plain form,
 * until its script has run, and until the page has loaded.
 */
async function slowLineUsable(
  browser: import('playwright-core').Browser,
  base: string,
  session: WebSession,
  conditions: (typeof SLOW_LINES)[number]['conditions'],
) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies(session.cookies(base));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', conditions);
  await page.goto(`${base}/cases/new`, { waitUntil: 'load', timeout: 120_000 });
  const timing = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const [paint] = performance.getEntriesByName('first-contentful-paint');
    return {
      usable: paint?.startTime ?? Number.NaN,
      enhanced: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
    };
  });
  await context.close();
  return timing;
}

runMain('bench:web', USAGE, main);
