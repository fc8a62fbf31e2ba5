import type { Client } from 'pg';
import type { Seller } from '../lib/bulwark';
import { sleep } from '../lib/children';

// From the second seller's complaint to the offender being flagged, with the service running:
// seller A files a case naming a new QQ, which the service links; then seller B files one naming
// the same QQ, and the database is polled until the QQ's offender has flagged_at set.

const POLL_MS = 5;
/**
 * B files a random 0 to 400 ms after A's case is seen linked. Without it every run would start
 * just after a relay poll (the one that dispatched A's job), so B's job would always wait almost
 * a whole OUTBOX_POLL_MS (200 ms): complaints from two sellers are not in step with the relay.
 * 400 ms is two whole poll intervals, so the phase is uniform.
 */
const PAUSE_MS = 400;
const TIMEOUT_MS = 15_000;
/** New QQs, far from the seeded (100000000 + n) and the linking samples' (5000000000 + n). */
const QQ_BASE = 6_000_000_000;

export interface FlagRun {
  /** B's 201 received to flagged_at seen by the poll. */
  ms: number;
  /** A's 201 to A's QQ being in a cluster. */
  firstLinkedMs: number;
  /** From the database's clock: B's outbox row written to dispatched by the relay. */
  relayWaitMs: number;
  /** Dispatched by the relay to the start of the linking transaction that set flagged_at. */
  dispatchToFlagMs: number;
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function complaint(qq: string) {
  return {
    type: 'extortion',
    platform: 'taobao',
    title: 'Buyer demands 50 yuan to remove a bad review',
    description: 'Bought a prepaid card, left one star, then added me on QQ.',
    amountDemanded: { amount: '50.00', currency: 'CNY' },
    reported: [{ identifiers: [{ kind: 'qq', value: qq }] }],
  };
}

/** Files the complaint; resolves when the 201's headers are in, with the case id. */
async function file(base: string, seller: Seller, qq: string): Promise<string> {
  const response = await fetch(`${base}/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seller.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(complaint(qq)),
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || !body.id) {
    throw new Error(`POST /v1/cases answered ${response.status} ${JSON.stringify(body)}`);
  }
  return body.id;
}

/** Polls every 5 ms until `done` holds for the QQ's cluster row; the offender's id. */
async function pollOffender(
  db: Client,
  qq: string,
  done: (row: { offender_id: string | null; flagged: boolean }) => boolean,
): Promise<string> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query<{ offender_id: string | null; flagged: boolean }>(
      `SELECT m.offender_id::text, o.flagged_at IS NOT NULL AS flagged
       FROM identifiers i JOIN offender_members m ON m.identifier_id = i.id
       LEFT JOIN offenders o ON o.id = m.offender_id
       WHERE i.kind = 'qq' AND i.scope = '' AND i.value = $1`,
      [qq],
    );
    if (rows[0] && done(rows[0])) return rows[0].offender_id!;
    if (Date.now() > deadline) throw new Error(`QQ ${qq}: not linked and flagged within 15 s`);
    await sleep(POLL_MS);
  }
}

async function oneRun(
  base: string,
  db: Client,
  sellers: [Seller, Seller],
  qq: string,
  pauseMs: number,
) {
  const [first, second] = sellers;
  const firstStart = process.hrtime.bigint();
  await file(base, first, qq);
  await pollOffender(db, qq, (row) => row.offender_id !== null);
  const firstLinkedMs = elapsedMs(firstStart);
  await sleep(pauseMs);

  // fetch resolves when the response's headers are in: the 201 has been received.
  const answered = await fetch(`${base}/v1/cases`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${second.accessToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(complaint(qq)),
  });
  const start = process.hrtime.bigint();
  const body = (await answered.json()) as { id?: string };
  if (answered.status !== 201 || !body.id) {
    throw new Error(`POST /v1/cases answered ${answered.status} ${JSON.stringify(body)}`);
  }
  const offenderId = await pollOffender(db, qq, (row) => row.flagged);
  const ms = elapsedMs(start);

  const { rows } = await db.query<{ relay: number; to_flag: number }>(
    `SELECT extract(epoch FROM ob.dispatched_at - ob.created_at)::float8 * 1000 AS relay,
            extract(epoch FROM o.flagged_at - ob.dispatched_at)::float8 * 1000 AS to_flag
     FROM outbox ob, offenders o
     WHERE ob.job_name = 'intel.link-case' AND ob.payload->>'caseId' = $1 AND o.id = $2`,
    [body.id, offenderId],
  );
  return { ms, firstLinkedMs, relayWaitMs: rows[0].relay, dispatchToFlagMs: rows[0].to_flag };
}

/** `warmUp` unmeasured runs, then `runs` measured ones, each with a new QQ. */
export async function measureFlagLatency(
  base: string,
  db: Client,
  sellers: [Seller, Seller],
  runs: number,
  warmUp: number,
  random: () => number,
): Promise<FlagRun[]> {
  const results: FlagRun[] = [];
  for (let i = 0; i < warmUp + runs; i++) {
    const run = await oneRun(base, db, sellers, String(QQ_BASE + i), random() * PAUSE_MS);
    if (i >= warmUp) results.push(run);
  }
  return results;
}
