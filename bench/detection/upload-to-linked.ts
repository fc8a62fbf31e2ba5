import { Client } from 'pg';
import { ensureBuild } from '../lib/build';
import { REDIS_URL, registerSeller, type Seller } from '../lib/bulwark';
import { sleep, stop, waitFor200 } from '../lib/children';
import { migrateDatabase } from '../lib/migrate';
import { parseIntegerOptions, runMain } from '../lib/options';
import { fmt, loadAverage, table } from '../lib/report';
import { resetStorage } from '../lib/storage';
import { newAdmin, startService } from '../intel/service';
import type { ChatSpec } from '../../test/corpus/render/chat-spec';
import { renderChat } from '../../test/corpus/render/render-chat';
import { SCREEN_SIZES, type ScreenSize } from '../../test/corpus/render/screen-sizes';

// From a chat screenshot's upload to its identifiers linked, with the built service running as
// production runs it (one process: API, relay, worker; OCR on, 2 workers by default): a seller
// uploads a phone-size WeChat screenshot naming a new QQ number; the time is from the 202 to the
// evidence's linked_at, polled every 10 ms, and the QQ must be among what was found.
// Usage: npm run build && npm run bench:upload-to-linked [-- --uploads 20]

const DATABASE = 'bulwark_bench_detection';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
const REDIS_KEY_PREFIX = 'bulwark_bench_detection';
const POLL_MS = 10;
const TIMEOUT_MS = 120_000;
const QQ_BASE = 7_000_000_000;

const USAGE =
  'usage: npm run bench:upload-to-linked [-- --uploads N]\n' +
  '  --uploads N  screenshots uploaded one after another at each size (default 20)';

function chatNaming(qq: string, index: number): ChatSpec {
  return {
    contact: '差评师小王',
    clock: `14:${String(10 + (index % 50)).padStart(2, '0')}`,
    batteryPercent: 80,
    entries: [
      { kind: 'time', text: '昨天 22:08' },
      { kind: 'message', from: 'them', text: '你家的货有问题，我给了差评' },
      { kind: 'message', from: 'me', text: '亲，有什么问题可以退换' },
      { kind: 'message', from: 'them', text: `想删差评就加我扣扣 ${qq}，给我200元` },
      { kind: 'time', text: '14:02' },
      { kind: 'message', from: 'them', text: `订单号 40123456789012${index % 10} 我记着呢` },
    ],
  };
}

async function fileCase(base: string, seller: Seller): Promise<string> {
  const response = await fetch(`${base}/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seller.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'extortion',
      platform: 'taobao',
      title: '买家要求付钱删除差评',
      description: '截图里有对方的扣扣号。',
    }),
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || !body.id) throw new Error(`filing answered ${response.status}`);
  return body.id;
}

async function upload(base: string, seller: Seller, caseId: string, png: Buffer): Promise<string> {
  const form = new FormData();
  form.append('kind', 'chat_screenshot');
  form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chat.png');
  const response = await fetch(`${base}/v1/cases/${caseId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seller.accessToken}` },
    body: form,
  });
  const body = (await response.json()) as { id?: string }[];
  if (response.status !== 202 || !body[0]?.id)
    throw new Error(`upload answered ${response.status}`);
  return body[0].id;
}

/** Polls until linking has run over the screenshot's findings; whether the QQ was among them. */
async function waitLinked(db: Client, evidenceId: string, qq: string): Promise<boolean> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query<{ linked: boolean; found: unknown }>(
      'SELECT linked_at IS NOT NULL AS linked, found_identifiers AS found FROM evidence WHERE id = $1',
      [evidenceId],
    );
    if (rows[0]?.linked) return JSON.stringify(rows[0].found).includes(qq);
    if (Date.now() > deadline) throw new Error(`evidence ${evidenceId} not linked within 120 s`);
    await sleep(POLL_MS);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measureSize(
  base: string,
  db: Client,
  seller: Seller,
  size: ScreenSize,
  uploads: number,
  firstQq: number,
): Promise<string[]> {
  const caseId = await fileCase(base, seller);
  const times: number[] = [];
  let found = 0;
  for (let index = 0; index < uploads; index++) {
    const qq = String(firstQq + index);
    const png = await renderChat(chatNaming(qq, index), 'wechat', 'light', size);
    const evidenceId = await upload(base, seller, caseId, png);
    const started = process.hrtime.bigint();
    if (await waitLinked(db, evidenceId, qq)) found += 1;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return [
    size.label,
    String(uploads),
    fmt(percentile(sorted, 50)),
    fmt(percentile(sorted, 95)),
    `${found}/${uploads}`,
  ];
}

async function main(): Promise<void> {
  const { uploads } = parseIntegerOptions(process.argv.slice(2), { uploads: 20 }, USAGE);
  ensureBuild();
  const loadBefore = loadAverage();
  await resetStorage(DATABASE, REDIS_KEY_PREFIX);
  await migrateDatabase(DATABASE_URL);
  const service = await startService({
    databaseUrl: DATABASE_URL,
    redisKeyPrefix: REDIS_KEY_PREFIX,
    preferredPort: 3410,
    admin: newAdmin(),
    ocr: true,
  });
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await waitFor200(service, '/health/ready');
    const seller = await registerSeller(service.base);
    const rows: string[][] = [];
    for (const [index, size] of SCREEN_SIZES.entries()) {
      rows.push(await measureSize(service.base, db, seller, size, uploads, QQ_BASE + index * 1e6));
    }
    console.log(
      `\nUpload to identifiers linked (202 to evidence.linked_at), load before ${loadBefore}`,
    );
    console.log(table(['screen', 'uploads', 'p50 ms', 'p95 ms', 'QQ found'], rows));
    console.log(`Redis ${REDIS_URL}, database ${DATABASE}`);
  } finally {
    await db.end();
    await stop(service);
  }
}

runMain('bench:upload-to-linked', USAGE, main);
