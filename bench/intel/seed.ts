import { spawnSync } from 'node:child_process';
import type { Client } from 'pg';

// The seeded reports, written in a few INSERT ... SELECT statements over generate_series, already
// linked: sightings carry linked_at and link_group, offender_members and offenders hold the
// clusters and facts the linking jobs would have left. The shape is fixed, so the clusters are
// known without running the linker; the benchmark checks them against a from-scratch linking
// (offenderClusters) and the facts against the service's own query on the 10k seed.
//
// Case n (1-based) belongs to block b = (n - 1) / 20 and, by its place r = (n - 1) % 20 in the
// block, to one of five groups of 1, 2, 3, 4 and 10 cases (group number b * 5 + g). Each case has
// one reported party naming its own QQ (100000000 + n) and its group's phone (+86 139 + the group
// number in 8 digits). A group is one offender: its phone and its cases' QQs, so clusters have
// 2, 3, 4, 5 and 11 members. The two cases of a 2-case group come from one seller (not a repeat
// offender); the cases of larger groups from different sellers (flagged). Every 20th case also
// names one of 5 WeChat IDs, which end up far past the hub limit: hubs, in no cluster.

export const BLOCK = 20;
export const GROUPS_PER_BLOCK = 5;
/** The sizes of a block's groups, in order. */
export const GROUP_SIZES = [1, 2, 3, 4, 10];
export const SELLERS = 3_000;
export const HUBS = 5;
/** Seeded case n names QQ QQ_BASE + n. */
export const QQ_BASE = 100_000_000;
/** Seeded cases were filed over the last two years. */
const SPREAD_SECONDS = 730 * 86_400;
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Group g of block b, from a case's place r in its block (SQL). */
const GROUP_OF_PLACE = `CASE WHEN r = 0 THEN 0 WHEN r < 3 THEN 1 WHEN r < 6 THEN 2 WHEN r < 10 THEN 3 ELSE 4 END`;
const SIZE_OF_GROUP = `(ARRAY[${GROUP_SIZES.join(', ')}])[g + 1]`;

/** A case reference BW-XXXXXX from n, in the service's alphabet (SQL). */
function referenceOf(n: string): string {
  const digits = [5, 4, 3, 2, 1, 0].map(
    (power) => `substr('${REFERENCE_ALPHABET}', ((${n} / ${30 ** power}) % 30)::int + 1, 1)`,
  );
  return `'BW-' || ${digits.join(' || ')}`;
}

export const sellerId = (k: string) => `md5('bench-seller-' || ${k})::uuid`;
export const caseId = (n: string) => `md5('bench-case-' || ${n})::uuid`;
const partyId = (n: string) => `md5('bench-party-' || ${n})::uuid`;
const qqId = (n: string) => `md5('bench-qq-' || ${n})::uuid`;
const phoneId = (group: string) => `md5('bench-phone-' || ${group})::uuid`;
const hubId = (h: string) => `md5('bench-hub-' || ${h})::uuid`;
export const offenderId = (group: string) => `md5('bench-offender-' || ${group})::uuid`;

export interface SeedTimings {
  cases: number;
  seconds: number;
  steps: { step: string; seconds: number }[];
}

async function step(
  client: Client,
  timings: SeedTimings,
  name: string,
  sql: string,
  params: unknown[] = [],
): Promise<void> {
  const start = process.hrtime.bigint();
  await client.query(sql, params);
  timings.steps.push({ step: name, seconds: Number(process.hrtime.bigint() - start) / 1e9 });
}

/**
 * Settings of the seeding session only: no wait for the WAL flush at commit, room to sort, and
 * no foreign-key triggers (every reference is built to exist, and the checks on the 10k seed
 * would show it otherwise).
 */
async function bulkSession(client: Client): Promise<void> {
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET session_replication_role = replica`);
}

async function resetSession(client: Client): Promise<void> {
  await client.query('RESET ALL');
}

/**
 * The tables whose secondary indexes are built once after the rows are in, rather than row by
 * row: sorted builds are many times faster than random inserts into indexes larger than
 * shared_buffers. identifiers keeps its unique index, which ON CONFLICT needs.
 */
const BULK_TABLES = ['cases', 'reported_parties', 'sightings', 'offender_members', 'offenders'];

/** Drops the tables' indexes other than primary keys; returns the statements that recreate them. */
async function dropIndexes(client: Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name}"`);
  return rows.map((row) => row.definition);
}

/** The sellers every seeded case is filed by; they never sign in. */
export async function seedSellers(client: Client): Promise<void> {
  await client.query(
    `INSERT INTO shops (id, platform, platform_shop_id, name)
     SELECT ${sellerId('k')}, 'taobao', 'shop-' || k, 'Shop ' || k
     FROM generate_series(0, $1 - 1) AS k`,
    [SELLERS],
  );
  await client.query(
    `INSERT INTO users (id, email, password_hash, role, display_name, shop_id)
     SELECT ${sellerId('k')}, 'seller-' || k || '@bench.example.com', 'not-a-hash', 'seller',
            'Seller ' || k, ${sellerId('k')}
     FROM generate_series(0, $1 - 1) AS k`,
    [SELLERS],
  );
}

/**
 * Cases first..last (a whole number of blocks), their parties, identifiers and sightings, linked;
 * the offenders of their groups with their facts; the hubs' party counts recounted.
 */
export async function seedCases(client: Client, first: number, last: number): Promise<SeedTimings> {
  if ((first - 1) % BLOCK !== 0 || last % BLOCK !== 0) {
    throw new Error(`seed ranges are whole blocks of ${BLOCK} cases`);
  }
  const timings: SeedTimings = { cases: last - first + 1, seconds: 0, steps: [] };
  const start = process.hrtime.bigint();
  await bulkSession(client);
  try {
    await client.query(`DROP TABLE IF EXISTS seed_shape`);
    await step(
      client,
      timings,
      'shape (temporary table)',
      `CREATE TEMP TABLE seed_shape AS
       SELECT n, b * ${GROUPS_PER_BLOCK} + g AS grp, g, ${SIZE_OF_GROUP} AS size,
              r IN (0, 1, 3, 6, 10) AS first_of_group,
              ${sellerId(`CASE WHEN g = 1 THEN (b * ${GROUPS_PER_BLOCK} + g) * 7919 % ${SELLERS} ELSE n * 7919 % ${SELLERS} END`)} AS seller_id,
              now() - make_interval(secs => (n * 104729) % ${SPREAD_SECONDS}) AS created_at
       FROM (SELECT n, b, r, ${GROUP_OF_PLACE} AS g
             FROM (SELECT n, (n - 1) / ${BLOCK} AS b, (n - 1) % ${BLOCK} AS r
                   FROM generate_series($1::bigint, $2::bigint) AS n) AS numbered) AS placed`,
      [first, last],
    );
    const dropped = await dropIndexes(client, BULK_TABLES);
    // Two thirds extortion with a demand in CNY, one in 17 of them paid; the rest bad reviews.
    // Repeat offenders' open cases were raised to priority 10 when they were flagged.
    await step(
      client,
      timings,
      'cases',
      `INSERT INTO cases (id, reference, seller_id, type, platform, title, description, priority,
                          amount_demanded, amount_paid, currency, created_at, updated_at)
       SELECT ${caseId('n')}, ${referenceOf('n')}, seller_id,
              CASE WHEN n % 3 = 0 THEN 'malicious_review' ELSE 'extortion' END, 'taobao',
              'Buyer demands money to remove a bad review',
              'Bought a prepaid card, left one star, then added me on QQ.',
              CASE WHEN size > 2 THEN 10 ELSE 0 END,
              CASE WHEN n % 3 <> 0 THEN round(50 + n % 5 * 10, 2) END,
              CASE WHEN n % 3 <> 0 AND n % 17 = 0 THEN round(50 + n % 5 * 10, 2) END,
              CASE WHEN n % 3 <> 0 THEN 'CNY' END,
              created_at, created_at
       FROM seed_shape`,
    );
    await step(
      client,
      timings,
      'reported_parties',
      `INSERT INTO reported_parties (id, case_id, position)
       SELECT ${partyId('n')}, ${caseId('n')}, 0 FROM seed_shape`,
    );
    await step(
      client,
      timings,
      'identifiers',
      `INSERT INTO identifiers (id, kind, scope, value)
       SELECT ${qqId('n')}, 'qq', '', (${QQ_BASE} + n)::text FROM seed_shape
       UNION ALL
       SELECT ${phoneId('grp')}, 'phone', '', '+86139' || lpad(grp::text, 8, '0')
       FROM seed_shape WHERE first_of_group
       UNION ALL
       SELECT ${hubId('h')}, 'wechat', '', 'courier_agent_' || h
       FROM generate_series(0, ${HUBS - 1}) AS h
       ON CONFLICT (kind, scope, value) DO NOTHING`,
    );
    await step(
      client,
      timings,
      'sightings',
      `INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position,
                              created_at, linked_at, link_group)
       SELECT ${caseId('n')}, ${partyId('n')}, id, display, 'seller', position,
              created_at, created_at, ${partyId('n')}::text
       FROM seed_shape,
            LATERAL (VALUES
              (${qqId('n')}, (${QQ_BASE} + n)::text, 0),
              (${phoneId('grp')},
               '139 ' || substr(lpad(grp::text, 8, '0'), 1, 4) || ' ' || substr(lpad(grp::text, 8, '0'), 5, 4), 1),
              (CASE WHEN n % ${BLOCK} = 0 THEN ${hubId(`(n / ${BLOCK}) % ${HUBS}`)} END,
               'courier_agent_' || (n / ${BLOCK}) % ${HUBS}, 2)
            ) AS named(id, display, position)
       WHERE id IS NOT NULL`,
    );
    await step(
      client,
      timings,
      'offenders',
      `INSERT INTO offenders (id, member_count, created_at, updated_at)
       SELECT ${offenderId('grp')}, size + 1, now(), now() FROM seed_shape WHERE first_of_group`,
    );
    await step(
      client,
      timings,
      'offender_members',
      `INSERT INTO offender_members (identifier_id, offender_id, party_count)
       SELECT ${qqId('n')}, ${offenderId('grp')}, 1 FROM seed_shape
       UNION ALL
       SELECT ${phoneId('grp')}, ${offenderId('grp')}, size FROM seed_shape WHERE first_of_group`,
    );
    await step(client, timings, 'indexes rebuilt', dropped.join(';\n'));
    await step(
      client,
      timings,
      'hubs recounted',
      `INSERT INTO offender_members (identifier_id, offender_id, party_count, excluded)
       SELECT s.identifier_id, NULL, count(DISTINCT s.link_group), 'hub'
       FROM generate_series(0, ${HUBS - 1}) AS h
       JOIN sightings s ON s.identifier_id = ${hubId('h')}
       GROUP BY s.identifier_id
       ON CONFLICT (identifier_id) DO UPDATE SET party_count = EXCLUDED.party_count`,
    );
    await step(
      client,
      timings,
      'offender facts',
      factsSql(`SELECT ${offenderId('grp')} FROM seed_shape WHERE first_of_group`),
    );
    await client.query(`DROP TABLE seed_shape`);
  } finally {
    await resetSession(client);
  }
  timings.seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return timings;
}

/**
 * The facts OffenderFactsRepository.factsOf counts and OffenderFactsService.refresh stores, for
 * many offenders at once (grouped rather than one subquery per offender), with the risk score of
 * offender-risk.ts and the repeat rule at its defaults (2 sellers, or 3 cases in 7 days); a
 * repeat offender is flagged now.
 */
function factsSql(offenders: string): string {
  return `WITH chosen AS (${offenders}),
     offender_cases AS (
       SELECT DISTINCT m.offender_id, s.case_id
       FROM offender_members m
       JOIN sightings s ON s.identifier_id = m.identifier_id
        AND s.link_group IS NOT NULL AND s.status <> 'rejected'
       WHERE m.offender_id IN (SELECT * FROM chosen)
     ), counted AS (
       SELECT oc.offender_id, c.*, COALESCE(c.incident_at, c.created_at) AS seen_at
       FROM offender_cases oc JOIN cases c ON c.id = oc.case_id
       WHERE c.status <> 'withdrawn' AND c.outcome IS DISTINCT FROM 'rejected'
     ), windows AS (
       SELECT offender_id, max(in_window) AS in_window FROM (
         SELECT offender_id, count(*) OVER (
           PARTITION BY offender_id ORDER BY seen_at
           RANGE BETWEEN make_interval(days => 7) PRECEDING AND CURRENT ROW) AS in_window
         FROM counted) w
       GROUP BY offender_id
     ), money AS (
       SELECT offender_id, jsonb_object_agg(currency, jsonb_build_object(
         'demanded', demanded::text, 'paid', paid::text)) AS totals
       FROM (SELECT offender_id, currency, COALESCE(sum(amount_demanded), 0) AS demanded,
                    COALESCE(sum(amount_paid), 0) AS paid
             FROM counted WHERE currency IS NOT NULL GROUP BY offender_id, currency) sums
       GROUP BY offender_id
     ), facts AS (
       SELECT offender_id, count(DISTINCT seller_id)::int AS sellers, count(*)::int AS cases,
              min(seen_at) AS first_seen, max(seen_at) AS last_seen,
              array_agg(DISTINCT type ORDER BY type) AS types,
              COALESCE(bool_or(amount_paid > 0), false) AS paid
       FROM counted GROUP BY offender_id
     ), scored AS (
       SELECT f.*, COALESCE(w.in_window, 0) AS in_window, COALESCE(m.totals, '{}') AS totals,
              f.sellers >= 2 OR COALESCE(w.in_window, 0) >= 3 AS repeat,
              round((least(100,
                35 * (1 - 0.5 ^ greatest(0, f.sellers - 1))
                + 20 * (1 - 0.8 ^ f.cases)
                + CASE WHEN f.paid THEN 15 ELSE 0 END
                + CASE WHEN 'extortion' = ANY (f.types) THEN 10 ELSE 0 END
                + 20 * 0.5 ^ (greatest(0, extract(epoch FROM now() - f.last_seen)) / 86400 / 30)
              ) * 10)::numeric) / 10 AS risk
       FROM facts f LEFT JOIN windows w USING (offender_id) LEFT JOIN money m USING (offender_id)
     )
     UPDATE offenders o SET seller_count = s.sellers, case_count = s.cases,
            first_seen_at = s.first_seen, last_seen_at = s.last_seen, case_types = s.types,
            totals = s.totals, risk_score = s.risk, repeat_offender = s.repeat,
            flagged_at = CASE WHEN s.repeat THEN now() END
     FROM scored s WHERE o.id = s.offender_id`;
}

/** Cases in each of the large offenders seeded with the large size (seedChains). */
export const CHAIN_SIZES = [100, 1000, 2000];
/** Case number of chain c's case j: CHAIN_CASE_BASE + c * CHAIN_STRIDE + j. */
const CHAIN_CASE_BASE = 700_000_000;
const CHAIN_STRIDE = 100_000;
/** Chain c's case j names QQ CHAIN_QQ_BASE + c * CHAIN_STRIDE + j, and its predecessor's. */
const CHAIN_QQ_BASE = 7_000_000_000;
export const chainQq = (chain: number, j: number) =>
  String(CHAIN_QQ_BASE + chain * CHAIN_STRIDE + j);
const chainOffenderId = (chain: string) => `md5('bench-chain-' || ${chain})::uuid`;

/**
 * A few large offenders, which the groups of seedCases never make (a shared phone past 50
 * parties is a hub): chain c of CHAIN_SIZES[c] cases, each from another seller, whose party names
 * its own QQ and the previous case's, so every QQ links two parties and the chain is one cluster.
 */
export async function seedChains(client: Client): Promise<SeedTimings> {
  const timings: SeedTimings = { cases: 0, seconds: 0, steps: [] };
  const start = process.hrtime.bigint();
  const qqOf = (j: string) => `md5('bench-chain-qq-' || c || '-' || ${j})::uuid`;
  const qqValue = (j: string) => `(${CHAIN_QQ_BASE} + c * ${CHAIN_STRIDE} + ${j})::text`;
  await bulkSession(client);
  try {
    await client.query(`DROP TABLE IF EXISTS seed_chain`);
    await client.query(
      `CREATE TEMP TABLE seed_chain AS
       SELECT c, j, size, n,
              now() - make_interval(secs => (n * 104729) % ${SPREAD_SECONDS}) AS created_at
       FROM unnest($1::int[]) WITH ORDINALITY AS chains(size, position),
            LATERAL (SELECT position - 1 AS c) AS numbered,
            LATERAL generate_series(0, size - 1) AS j,
            LATERAL (SELECT ${CHAIN_CASE_BASE} + c * ${CHAIN_STRIDE} + j AS n) AS numbers`,
      [CHAIN_SIZES],
    );
    await step(
      client,
      timings,
      'large offenders (seedChains)',
      `INSERT INTO cases (id, reference, seller_id, type, platform, title, description, priority,
                          amount_demanded, currency, created_at, updated_at)
       SELECT ${caseId('n')}, ${referenceOf('n')}, ${sellerId(`n * 7919 % ${SELLERS}`)},
              'extortion', 'taobao', 'Buyer demands money to remove a bad review',
              'Bought a prepaid card, left one star, then added me on QQ.', 10,
              round(50 + n % 5 * 10, 2), 'CNY', created_at, created_at
       FROM seed_chain;
       INSERT INTO reported_parties (id, case_id, position)
       SELECT ${partyId('n')}, ${caseId('n')}, 0 FROM seed_chain;
       INSERT INTO identifiers (id, kind, scope, value)
       SELECT ${qqOf('j')}, 'qq', '', ${qqValue('j')} FROM seed_chain;
       INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position,
                              created_at, linked_at, link_group)
       SELECT ${caseId('n')}, ${partyId('n')}, named.id, named.display, 'seller', named.position,
              created_at, created_at, ${partyId('n')}::text
       FROM seed_chain,
            LATERAL (VALUES (${qqOf('j')}, ${qqValue('j')}, 0),
                            (CASE WHEN j > 0 THEN ${qqOf('j - 1')} END, ${qqValue('j - 1')}, 1)
            ) AS named(id, display, position)
       WHERE named.id IS NOT NULL;
       INSERT INTO offenders (id, member_count)
       SELECT DISTINCT ${chainOffenderId('c')}, size FROM seed_chain;
       INSERT INTO offender_members (identifier_id, offender_id, party_count)
       SELECT ${qqOf('j')}, ${chainOffenderId('c')}, CASE WHEN j < size - 1 THEN 2 ELSE 1 END
       FROM seed_chain`,
    );
    await step(
      client,
      timings,
      'large offenders: facts',
      factsSql(`SELECT DISTINCT ${chainOffenderId('c')} FROM seed_chain`),
    );
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM seed_chain`);
    timings.cases = Number(rows[0].n);
    await client.query(`DROP TABLE seed_chain`);
  } finally {
    await resetSession(client);
  }
  timings.seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return timings;
}

/**
 * Refreshes the planner's statistics and the visibility map after the bulk writes, then writes
 * everything out: the checkpoint, then sync(1) for what the kernel still holds. Otherwise the
 * writeback of the seed's gigabytes goes on during the measurements, and every COMMIT's WAL flush
 * waits behind it (2.6 ms a commit instead of 0.4 in one run without it).
 */
export async function vacuumAnalyze(client: Client): Promise<number> {
  const start = process.hrtime.bigint();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query('VACUUM ANALYZE');
  await client.query('CHECKPOINT');
  await client.query('RESET maintenance_work_mem');
  spawnSync('sync');
  return Number(process.hrtime.bigint() - start) / 1e9;
}
