import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../src/config/app-config';
import { offenderClusters } from '../../src/intel/linking/offender-clusters';
import { OffenderLinkerService } from '../../src/intel/linking/offender-linker.service';
import { OffenderFactsRepository } from '../../src/intel/offenders/offender-facts.repository';
import { isRepeatOffender, riskScore } from '../../src/intel/offenders/offender-risk';
import { childMain } from '../evidence/child-main';
import { openApiContext } from '../lib/api-context';
import { cpuSnapshot, cpuUse } from '../lib/cpu-usage';
import {
  chainSamples,
  insertSampleCase,
  plannedSamples,
  SampleKind,
  seededRandom,
} from './sample-cases';

// Run as plain JavaScript against the build (bench/evidence/child-scripts.ts): a Nest application
// context of the built AppModule in the api role (no worker, no relay: nothing else links), its
// OffenderLinkerService called directly. At one seeded size it checks the seed against the
// service's own definitions, times linkCase on new cases filed by SQL, then times a from-scratch
// linking of every sighting and compares its clusters with the database's.

export interface LinkingArgs {
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  uploadsDir: string;
  seededCases: number;
  counts: Record<SampleKind, number>;
  warmUp: number;
  /** Sample numbers start here, so that two sizes' samples never share a new identifier. */
  firstNumber: number;
  randomSeed: number;
  /** Compare the seeded clusters and facts with the service's, before any sample. */
  checkSeed: boolean;
  fullRuns: number;
  /** Further samples timed statement by statement, after the measured ones. */
  profiled: number;
  /** The large offenders seeded (seed.ts CHAIN_SIZES), each joined by `chainSamples` cases. */
  chains: number[];
  chainSamples: number;
}

export interface ChainResult {
  /** The offender's cases before the samples. */
  cases: number;
  ms: number[];
  /** Its statements, slowest first: calls and total milliseconds over the samples. */
  statements: { statement: string; calls: number; ms: number }[];
}

export interface SeedCheck {
  offenders: number;
  members: number;
  clustersFromScratch: number;
  clustersDiffering: number;
  memberCountsWrong: number;
  partyCountsWrong: number;
  factsCompared: number;
  factsDiffering: string[];
  priorityWrong: number;
}

export interface FullRun {
  sightings: number;
  groups: number;
  clusters: number;
  loadMs: number;
  computeMs: number;
}

export interface LinkingResult {
  seedCheck?: SeedCheck;
  samples: { kind: SampleKind; ms: number }[];
  /**
   * CPU the rest of the machine used while the samples ran, in CPUs (1 = one CPU all the time):
   * not this process, its parent or the database's backends. High means they were disturbed.
   */
  restCpusDuringSamples?: number;
  /** The same while the full recomputations ran. */
  restCpusDuringFull?: number;
  full: FullRun[];
  /** After the samples: the clusters in the database against the last full run's. */
  clustersDifferingAfter: number;
  memberCountsWrongAfter: number;
  /** The profiled samples' statements: calls and total milliseconds, by statement. */
  statements: { statement: string; calls: number; ms: number }[];
  profiledSamples: number;
  chains: ChainResult[];
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** The backends of the benchmark database: the service's pool and the client filing samples. */
async function backendPids(client: Client): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  return rows.map((row) => row.pid);
}

/**
 * Snapshots for bench/lib/cpu-usage.ts, which counts a server, its backends and the benchmark
 * process: here the "server" is the parent (waiting for this child) and this child is the
 * benchmark process, so what it calls the rest of the machine is everything but the two and the
 * backends.
 */
async function cpuNow(client: Client) {
  return cpuSnapshot(process.ppid, await backendPids(client));
}

/** A statement's name in the profile: its start and its end, which tell the linking's apart. */
function statementLabel(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  return text.length <= 100 ? text : `${text.slice(0, 55)} … ${text.slice(-40)}`;
}

/**
 * Times every statement the service sends through TypeORM's PostgreSQL query runner (BEGIN and
 * COMMIT included) until the returned function is called, which gives the totals by statement.
 */
async function profileStatements(
  db: DataSource,
): Promise<() => { statement: string; calls: number; ms: number }[]> {
  const runner = db.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as {
    query: (this: unknown, ...args: unknown[]) => Promise<unknown>;
  };
  await runner.release();
  const original = prototype.query;
  const totals = new Map<string, { calls: number; ms: number }>();
  prototype.query = async function (this: unknown, ...args: unknown[]) {
    const start = process.hrtime.bigint();
    try {
      return await original.apply(this, args);
    } finally {
      const label = statementLabel(String(args[0]));
      const entry = totals.get(label) ?? { calls: 0, ms: 0 };
      entry.calls += 1;
      entry.ms += elapsedMs(start);
      totals.set(label, entry);
    }
  };
  return () => {
    prototype.query = original;
    return [...totals].map(([statement, entry]) => ({ statement, ...entry }));
  };
}

/** Clusters as sorted lists of sorted member ids, keyed for comparison. */
const keyOf = (clusters: string[][]) => new Set(clusters.map((members) => members.join(',')));

function differing(expected: string[][], actual: string[][]): number {
  const expectedKeys = keyOf(expected);
  const actualKeys = keyOf(actual);
  let count = 0;
  for (const key of expectedKeys) if (!actualKeys.has(key)) count++;
  for (const key of actualKeys) if (!expectedKeys.has(key)) count++;
  return count;
}

/** What the database holds: each cluster's member identifiers. */
async function storedClusters(db: DataSource): Promise<string[][]> {
  const rows: { offender_id: string; identifier_id: string }[] = await db.query(
    `SELECT offender_id::text, identifier_id::text FROM offender_members
     WHERE offender_id IS NOT NULL`,
  );
  const byOffender = new Map<string, string[]>();
  for (const row of rows) {
    const members = byOffender.get(row.offender_id);
    if (members) members.push(row.identifier_id);
    else byOffender.set(row.offender_id, [row.identifier_id]);
  }
  return [...byOffender.values()].map((members) => members.sort());
}

/**
 * The full recomputation: every link group loaded from the sightings (as the offenders e2e test
 * loads its expected value), then offenderClusters over all of them.
 */
async function fullRecomputation(
  db: DataSource,
  hubLimit: number,
): Promise<{ run: FullRun; clusters: string[][] }> {
  const loadStart = process.hrtime.bigint();
  const rows: { link_group: string; identifier_id: string }[] = await db.query(
    `SELECT link_group, identifier_id::text FROM sightings
     WHERE link_group IS NOT NULL AND status <> 'rejected'`,
  );
  const excluded: { identifier_id: string }[] = await db.query(
    `SELECT identifier_id::text FROM offender_members WHERE excluded = 'not_identifying'`,
  );
  const loadMs = elapsedMs(loadStart);
  const computeStart = process.hrtime.bigint();
  const byGroup = new Map<string, string[]>();
  for (const row of rows) {
    const identifiers = byGroup.get(row.link_group);
    if (identifiers) identifiers.push(row.identifier_id);
    else byGroup.set(row.link_group, [row.identifier_id]);
  }
  const clusters = offenderClusters(
    [...byGroup].map(([group, identifiers]) => ({ group, identifiers })),
    hubLimit,
    new Set(excluded.map((row) => row.identifier_id)),
  );
  const computeMs = elapsedMs(computeStart);
  return {
    run: {
      sightings: rows.length,
      groups: byGroup.size,
      clusters: clusters.length,
      loadMs,
      computeMs,
    },
    clusters,
  };
}

async function countWrongMemberCounts(db: DataSource): Promise<number> {
  const [row]: { n: string }[] = await db.query(
    `SELECT count(*) AS n FROM (
       SELECT o.id FROM offenders o LEFT JOIN offender_members m ON m.offender_id = o.id
       GROUP BY o.id HAVING o.member_count <> count(m.identifier_id)) wrong`,
  );
  return Number(row.n);
}

/** The seed against the service's definitions: party counts, facts, flags and priorities. */
async function checkSeed(
  db: DataSource,
  facts: OffenderFactsRepository,
  config: AppConfig,
  clusters: string[][],
): Promise<SeedCheck> {
  const stored = await storedClusters(db);
  const [partyCounts]: { n: string }[] = await db.query(
    `SELECT count(*) AS n FROM offender_members m
     WHERE m.party_count <> (SELECT count(DISTINCT s.link_group) FROM sightings s
       WHERE s.identifier_id = m.identifier_id AND s.link_group IS NOT NULL
         AND s.status <> 'rejected')
        OR (m.excluded = 'hub') <> (m.party_count > $1)`,
    [config.intel.hubPartyLimit],
  );
  const [priorities]: { n: string }[] = await db.query(
    `SELECT count(*) AS n FROM cases c
     WHERE c.priority <> CASE WHEN EXISTS (
       SELECT 1 FROM sightings s JOIN offender_members m ON m.identifier_id = s.identifier_id
       JOIN offenders o ON o.id = m.offender_id
       WHERE s.case_id = c.id AND s.link_group IS NOT NULL AND o.flagged_at IS NOT NULL)
       THEN 10 ELSE 0 END`,
  );
  const ids: { id: string }[] = await db.query(`SELECT id::text FROM offenders ORDER BY id`);
  const storedFacts: Map<string, Record<string, unknown>> = new Map(
    (
      (await db.query(
        `SELECT id::text, seller_count, case_count, first_seen_at, last_seen_at, case_types,
                totals, risk_score, repeat_offender, flagged_at FROM offenders`,
      )) as Record<string, unknown>[]
    ).map((row) => [String(row.id), row]),
  );
  const { intel } = config;
  const now = new Date();
  const wrong: string[] = [];
  const time = (value: unknown) => (value instanceof Date ? value.getTime() : value);
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500).map((row) => row.id);
    const rows = await db.transaction((manager) =>
      facts.factsOf(manager, batch, intel.repeatWindowDays),
    );
    for (const row of rows) {
      const seeded = storedFacts.get(row.id)!;
      const counted = {
        sellerCount: row.seller_count,
        caseCount: row.case_count,
        casesInWindow: row.cases_in_window,
        paid: row.paid,
        extortion: row.case_types.includes('extortion'),
        lastSeenAt: row.last_seen_at,
      };
      const repeat = isRepeatOffender(counted, {
        minSellers: intel.repeatMinSellers,
        minCasesInWindow: intel.repeatMinCases,
      });
      const problems = [
        seeded.seller_count !== row.seller_count && 'seller_count',
        seeded.case_count !== row.case_count && 'case_count',
        time(seeded.first_seen_at) !== time(row.first_seen_at) && 'first_seen_at',
        time(seeded.last_seen_at) !== time(row.last_seen_at) && 'last_seen_at',
        JSON.stringify(seeded.case_types) !== JSON.stringify(row.case_types) && 'case_types',
        JSON.stringify(seeded.totals) !== JSON.stringify(row.totals) && 'totals',
        Math.abs(Number(seeded.risk_score) - riskScore(counted, now)) > 0.11 && 'risk_score',
        seeded.repeat_offender !== repeat && 'repeat_offender',
        (seeded.flagged_at !== null) !== repeat && 'flagged_at',
      ].filter(Boolean);
      if (problems.length > 0) wrong.push(`${row.id}: ${problems.join(', ')}`);
    }
  }
  return {
    offenders: ids.length,
    members: stored.reduce((sum, members) => sum + members.length, 0),
    clustersFromScratch: clusters.length,
    clustersDiffering: differing(clusters, stored),
    memberCountsWrong: await countWrongMemberCounts(db),
    partyCountsWrong: Number(partyCounts.n),
    factsCompared: ids.length,
    factsDiffering: wrong.slice(0, 10),
    priorityWrong: Number(priorities.n),
  };
}

async function measure(args: LinkingArgs): Promise<LinkingResult> {
  const app = await openApiContext(args);
  const config = app.get<AppConfig>(APP_CONFIG);
  const client = new Client({ connectionString: args.databaseUrl });
  await client.connect();
  try {
    const db = app.get(DataSource);
    const linker = app.get(OffenderLinkerService);
    const hubLimit = config.intel.hubPartyLimit;

    let seedCheck: SeedCheck | undefined;
    if (args.checkSeed) {
      const { clusters } = await fullRecomputation(db, hubLimit);
      seedCheck = await checkSeed(db, app.get(OffenderFactsRepository), config, clusters);
    }

    const random = seededRandom(args.randomSeed);
    const used = new Set<number>();
    const warmUp = plannedSamples(
      { 'joins a cluster': args.warmUp, 'bridges two clusters': 0, 'new identifiers': 0 },
      args.seededCases,
      args.firstNumber,
      random,
      used,
    );
    const planned = plannedSamples(
      args.counts,
      args.seededCases,
      args.firstNumber + warmUp.length,
      random,
      used,
    );
    for (const sample of warmUp) await linker.linkCase(await insertSampleCase(client, sample));
    const samples: LinkingResult['samples'] = [];
    const samplesCpu = await cpuNow(client);
    for (const sample of planned) {
      const caseId = await insertSampleCase(client, sample);
      const start = process.hrtime.bigint();
      await linker.linkCase(caseId);
      samples.push({ kind: sample.kind, ms: elapsedMs(start) });
    }
    const restCpusDuringSamples = cpuUse(samplesCpu, await cpuNow(client))?.others;

    const profiled = plannedSamples(
      { 'joins a cluster': args.profiled, 'bridges two clusters': 0, 'new identifiers': 0 },
      args.seededCases,
      args.firstNumber + warmUp.length + planned.length,
      random,
      used,
    );
    const stopProfiling = await profileStatements(db);
    for (const sample of profiled) {
      const caseId = await insertSampleCase(client, sample);
      await linker.linkCase(caseId);
    }
    const statements = stopProfiling().sort((a, b) => b.ms - a.ms);

    const chains: ChainResult[] = [];
    let nextNumber = args.firstNumber + warmUp.length + planned.length + profiled.length;
    for (const [chain, cases] of args.chains.entries()) {
      const joining = chainSamples(chain, cases, args.chainSamples, nextNumber, random);
      nextNumber += joining.length;
      const stop = await profileStatements(db);
      const ms: number[] = [];
      for (const sample of joining) {
        const caseId = await insertSampleCase(client, sample);
        const start = process.hrtime.bigint();
        await linker.linkCase(caseId);
        ms.push(elapsedMs(start));
      }
      chains.push({ cases, ms, statements: stop().sort((a, b) => b.ms - a.ms) });
    }

    const full: FullRun[] = [];
    let last: string[][] = [];
    const fullCpu = await cpuNow(client);
    for (let i = 0; i < args.fullRuns; i++) {
      const { run, clusters } = await fullRecomputation(db, hubLimit);
      full.push(run);
      last = clusters;
    }
    const restCpusDuringFull = cpuUse(fullCpu, await cpuNow(client))?.others;
    return {
      seedCheck,
      samples,
      restCpusDuringSamples,
      restCpusDuringFull,
      full,
      clustersDifferingAfter: differing(last, await storedClusters(db)),
      memberCountsWrongAfter: await countWrongMemberCounts(db),
      statements,
      profiledSamples: profiled.length,
      chains,
    };
  } finally {
    await client.end();
    await app.close();
  }
}

childMain<LinkingArgs, LinkingResult>(measure);
