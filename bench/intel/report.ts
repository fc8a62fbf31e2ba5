import type autocannon from 'autocannon';
import { fmt, printMachine, table } from '../lib/report';
import type { FlagRun } from './flag-latency';
import type { LinkingResult } from './linking-child';
import type { Lookups } from './lookups';
import { SAMPLE_KINDS } from './sample-cases';
import type { SeedTimings } from './seed';

// The benchmark's report, in Markdown like the others: the machine, the seed, then one section
// per question, each with its target and whether it was met.

export const TARGETS = {
  /** linkCase at the large size over the small, for each statistic. */
  sizeRatio: 2,
  /** The full recomputation over one incremental linkCase, at least. */
  fullOverIncremental: 1000,
  /** p95 of the second complaint's 201 to the flag, in ms. */
  flagP95Ms: 1000,
};

export interface SizeResults {
  cases: number;
  seed: SeedTimings;
  vacuumSeconds: number;
  rows: Record<string, number>;
  linking: LinkingResult;
}

export interface Results {
  loadBefore: string;
  settings: string[];
  migrateSeconds: number;
  small: SizeResults;
  large: SizeResults;
  flags: FlagRun[];
  /** CPUs the rest of the machine used meanwhile (bench/lib/cpu-usage.ts), per phase. */
  flagsRestCpus?: number;
  flagWarmUp: number;
  linkingWarmUp: number;
  lookups: Lookups;
  sequentialRestCpus?: number;
  concurrent: autocannon.Result;
  concurrentRestCpus?: number;
  concurrency: { connections: number; duration: number };
}

const verdict = (met: boolean) => (met ? 'met' : 'not met');
/** CPUs the rest of the machine used (bench/lib/cpu-usage.ts), or ? off Linux. */
const rest = (cpus: number | undefined) => (cpus === undefined ? '?' : fmt(cpus, 2));

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) => percentile(values, 0.5);
const sizeName = (cases: number) =>
  cases >= 1e6 ? `${fmt(cases / 1e6)}M` : `${fmt(cases / 1e3)}k`;

function printSeed({ small, large, migrateSeconds }: Results): void {
  console.log('\n## The seeded database\n');
  const steps = [...new Set([...small.seed.steps, ...large.seed.steps].map((entry) => entry.step))];
  const seconds = (size: SizeResults, step: string) => {
    const entry = size.seed.steps.find((candidate) => candidate.step === step);
    return entry ? fmt(entry.seconds, 1) : '';
  };
  console.log(
    table(
      ['step', `first ${fmt(small.cases)} cases, s`, `${fmt(large.cases - small.cases)} more, s`],
      [
        ...steps.map((step) => [step, seconds(small, step), seconds(large, step)]),
        [
          'VACUUM ANALYZE, CHECKPOINT, sync',
          fmt(small.vacuumSeconds, 1),
          fmt(large.vacuumSeconds, 1),
        ],
        [
          '**total**',
          fmt(small.seed.seconds + small.vacuumSeconds, 1),
          fmt(large.seed.seconds + large.vacuumSeconds, 1),
        ],
      ],
    ),
  );
  console.log(
    `\nMigrating the empty database took ${fmt(migrateSeconds, 1)} s. Rows once each size was seeded (the ${sizeName(large.cases)} row includes the cases the ${sizeName(small.cases)} samples added and the large offenders):\n`,
  );
  const names = Object.keys(small.rows);
  console.log(
    table(
      ['cases', ...names],
      [small, large].map((size) => [
        sizeName(size.cases),
        ...names.map((name) => fmt(size.rows[name])),
      ]),
    ),
  );
  const check = small.linking.seedCheck;
  if (!check) return;
  console.log(
    `\nThe ${fmt(small.cases)}-case seed against the service's own definitions (before any sample):\n`,
  );
  const ok = (wrong: number) => (wrong === 0 ? 'consistent' : `${fmt(wrong)} wrong`);
  console.log(
    table(
      ['check', 'result'],
      [
        [
          `clusters (${fmt(check.offenders)} offenders, ${fmt(check.members)} members) against offenderClusters over every link group from scratch (${fmt(check.clustersFromScratch)} clusters)`,
          check.clustersDiffering === 0
            ? 'identical'
            : `${fmt(check.clustersDiffering)} clusters differ`,
        ],
        ['offenders.member_count against their members', ok(check.memberCountsWrong)],
        [
          'offender_members.party_count against distinct link groups; hub iff past the limit',
          ok(check.partyCountsWrong),
        ],
        [
          `facts of all ${fmt(check.factsCompared)} offenders against OffenderFactsRepository.factsOf, riskScore and isRepeatOffender (risk within 0.1), flagged iff repeat`,
          check.factsDiffering.length === 0
            ? 'consistent'
            : `wrong: ${check.factsDiffering.join('; ')}`,
        ],
        [
          'cases raised to priority 10 iff an offender of theirs is flagged',
          ok(check.priorityWrong),
        ],
      ],
    ),
  );
}

function statistics(values: number[]) {
  return {
    mean: mean(values),
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    max: Math.max(...values),
  };
}

/** True when both sizes' clusters still match a from-scratch linking after their samples. */
function printLinking({ small, large, linkingWarmUp }: Results): boolean {
  console.log('\n## Linking one new case (OffenderLinkerService.linkCase)\n');
  const rows: string[][] = [];
  for (const size of [small, large]) {
    const groups: [string, number[]][] = [
      ['all', size.linking.samples.map((sample) => sample.ms)],
      ...SAMPLE_KINDS.map((kind): [string, number[]] => [
        kind,
        size.linking.samples.filter((sample) => sample.kind === kind).map((sample) => sample.ms),
      ]),
    ];
    for (const [kind, values] of groups) {
      if (values.length === 0) continue;
      const stats = statistics(values);
      rows.push([
        sizeName(size.cases),
        kind,
        fmt(values.length),
        fmt(stats.mean, 2),
        fmt(stats.p50, 2),
        fmt(stats.p95, 2),
        fmt(stats.max, 2),
      ]);
    }
  }
  console.log(
    table(['cases', 'new case', 'samples', 'mean ms', 'p50 ms', 'p95 ms', 'max ms'], rows),
  );
  const smallStats = statistics(small.linking.samples.map((sample) => sample.ms));
  const largeStats = statistics(large.linking.samples.map((sample) => sample.ms));
  console.log(
    `\nTarget: ${sizeName(large.cases)} within ${TARGETS.sizeRatio}x of ${sizeName(small.cases)}, all samples:\n`,
  );
  console.log(
    table(
      ['statistic', sizeName(small.cases), sizeName(large.cases), 'ratio', 'target', 'result'],
      (['mean', 'p50', 'p95'] as const).map((name) => {
        const ratio = largeStats[name] / smallStats[name];
        return [
          name,
          `${fmt(smallStats[name], 2)} ms`,
          `${fmt(largeStats[name], 2)} ms`,
          `${fmt(ratio, 2)}x`,
          `≤ ${TARGETS.sizeRatio}x`,
          verdict(ratio <= TARGETS.sizeRatio),
        ];
      }),
    ),
  );
  console.log(
    `\nEach sample is a new case filed by SQL in the service's shape, then linkCase timed alone in a Nest application context of the build (api role: no worker or relay running), one at a time, after ${linkingWarmUp} unmeasured ones. The rest of the machine (other programs, the kernel; not the linking process, its backends or this benchmark) used ${rest(small.linking.restCpusDuringSamples)} CPUs while the ${sizeName(small.cases)} samples ran and ${rest(large.linking.restCpusDuringSamples)} while the ${sizeName(large.cases)} ones did: above about 0.1, something else ran and those figures are high.`,
  );
  let consistent = true;
  for (const size of [small, large]) {
    const { clustersDifferingAfter, memberCountsWrongAfter } = size.linking;
    const fine = clustersDifferingAfter === 0 && memberCountsWrongAfter === 0;
    consistent &&= fine;
    console.log(
      fine
        ? `After the ${sizeName(size.cases)} samples the clusters in the database are those of a from-scratch linking, and every member_count is right.`
        : `\nFAILED: after the ${sizeName(size.cases)} samples ${fmt(clustersDifferingAfter)} clusters differ from a from-scratch linking and ${fmt(memberCountsWrongAfter)} member counts are wrong.`,
    );
  }
  return consistent;
}

/** The profiled samples' statements, per linkCase, at both sizes side by side. */
function printStatements({ small, large }: Results): void {
  console.log("\n## Where linkCase's time goes, statement by statement\n");
  const perCase = (size: SizeResults) =>
    new Map(
      size.linking.statements.map((entry) => [
        entry.statement,
        {
          calls: entry.calls / size.linking.profiledSamples,
          ms: entry.ms / size.linking.profiledSamples,
        },
      ]),
    );
  const smallStatements = perCase(small);
  const largeStatements = perCase(large);
  const names = [...new Set([...largeStatements.keys(), ...smallStatements.keys()])].sort(
    (a, b) => (largeStatements.get(b)?.ms ?? 0) - (largeStatements.get(a)?.ms ?? 0),
  );
  const total = (statements: Map<string, { ms: number }>) =>
    [...statements.values()].reduce((sum, entry) => sum + entry.ms, 0);
  const cell = (entry: { ms: number } | undefined) => (entry ? fmt(entry.ms, 2) : '');
  console.log(
    table(
      [
        'statement (start … end)',
        'calls per case',
        `${sizeName(small.cases)} ms per case`,
        `${sizeName(large.cases)} ms per case`,
      ],
      [
        ...names.map((name) => [
          `\`${name.replace(/\|/g, '\\|')}\``,
          fmt(largeStatements.get(name)?.calls ?? smallStatements.get(name)?.calls ?? 0, 2),
          cell(smallStatements.get(name)),
          cell(largeStatements.get(name)),
        ]),
        ['**all statements**', '', fmt(total(smallStatements), 2), fmt(total(largeStatements), 2)],
      ],
    ),
  );
  console.log(
    `\n${small.linking.profiledSamples} more cases joining a cluster at each size, after the measured ones, with every statement the service sent through TypeORM timed from the call to its result (round trip included). The profiling itself costs a little; the sums are close to the mean linkCase of that kind above.`,
  );
}

/** linkCase joining the large offenders, which the targets' samples never meet. */
function printChains({ large }: Results): void {
  const { chains } = large.linking;
  if (chains.length === 0) return;
  console.log('\n## Linking a case into one large offender (no target)\n');
  console.log(
    table(
      ["offender's cases", 'samples', 'mean ms', 'max ms', 'slowest statement', 'its ms per case'],
      chains.map(({ cases, ms, statements }) => [
        fmt(cases),
        fmt(ms.length),
        fmt(mean(ms), 1),
        fmt(Math.max(...ms), 1),
        `\`${statements[0]?.statement.replace(/\|/g, '\\|') ?? ''}\``,
        fmt((statements[0]?.ms ?? 0) / ms.length, 1),
      ]),
    ),
  );
  console.log(
    `\nThe seed's offenders have at most 11 cases. These ${chains.length} were seeded with the ${sizeName(large.cases)} size as chains (each case names its own QQ and the previous case's, so no QQ is a hub), from a different seller each; each sample is a new case naming a new QQ and one of the offender's, timed like the others, after them, with every statement profiled.`,
  );
}

function printFull({ small, large }: Results): void {
  console.log('\n## Incremental linking against a full recomputation\n');
  const rows = [small, large].map((size) => {
    const { full, samples } = size.linking;
    const load = median(full.map((run) => run.loadMs));
    const compute = median(full.map((run) => run.computeMs));
    const total = median(full.map((run) => run.loadMs + run.computeMs));
    const incremental = mean(samples.map((sample) => sample.ms));
    const times = total / incremental;
    return {
      size,
      times,
      cells: [
        sizeName(size.cases),
        `${fmt(full[0].sightings)} sightings, ${fmt(full[0].groups)} groups → ${fmt(full[0].clusters)} clusters`,
        fmt(load),
        fmt(compute),
        fmt(total),
        fmt(incremental, 2),
        `${fmt(times)}x`,
        `${rest(size.linking.restCpusDuringFull)}, ${rest(size.linking.restCpusDuringSamples)}`,
      ],
    };
  });
  console.log(
    table(
      [
        'cases',
        'from scratch',
        'SQL load ms',
        'grouping + offenderClusters ms',
        'full ms',
        'incremental ms (mean)',
        'full / incremental',
        'rest of the machine CPUs (full, incremental)',
      ],
      rows.map((row) => row.cells),
    ),
  );
  const times = rows[1].times;
  console.log(
    `\nTarget at ${sizeName(large.cases)}: an incremental update at most 1/${fmt(TARGETS.fullOverIncremental)} of the full one, i.e. full / incremental ≥ ${fmt(TARGETS.fullOverIncremental)}x: ${fmt(times)}x, ${verdict(times >= TARGETS.fullOverIncremental)}.`,
  );
  console.log(
    `The full recomputation loads every link group from the sightings through the service's DataSource (as test/offenders.e2e-spec.ts builds its expected value) and runs offenderClusters over them; median of ${large.linking.full.length} runs. It only computes the clusters: writing them back and counting every offender's facts would come on top. The incremental figure is linkCase's mean over all samples, which includes the facts and flags of the clusters it touches.`,
  );
}

function printFlags({ flags, flagWarmUp, large, flagsRestCpus }: Results): void {
  console.log('\n## From the second complaint to the offender flagged, end to end\n');
  const ms = flags.map((run) => run.ms);
  const p95 = percentile(ms, 0.95);
  console.log(
    table(
      ['runs', 'p50 ms', 'p95 ms', 'max ms', 'target', 'result', 'rest of the machine CPUs'],
      [
        [
          fmt(flags.length),
          fmt(percentile(ms, 0.5)),
          fmt(p95),
          fmt(Math.max(...ms)),
          `p95 < ${fmt(TARGETS.flagP95Ms)} ms`,
          verdict(p95 < TARGETS.flagP95Ms),
          rest(flagsRestCpus),
        ],
      ],
    ),
  );
  const row = (name: string, values: number[]) => [
    name,
    fmt(percentile(values, 0.5)),
    fmt(percentile(values, 0.95)),
    fmt(Math.max(...values)),
  ];
  console.log('\nWhere the time went (the database clock for the two middle rows):\n');
  console.log(
    table(
      ['part', 'p50 ms', 'p95 ms', 'max ms'],
      [
        row("B's 201 to flagged_at seen (as above)", ms),
        row(
          "B's outbox row written to dispatched by the relay",
          flags.map((run) => run.relayWaitMs),
        ),
        row(
          'dispatched to the start of the linking transaction that flagged',
          flags.map((run) => run.dispatchToFlagMs),
        ),
        row(
          "for comparison: A's 201 to A's QQ in a cluster",
          flags.map((run) => run.firstLinkedMs),
        ),
      ],
    ),
  );
  console.log(
    `\nOne \`node dist/src/main.js\` with BULWARK_ROLE=all (API, outbox relay and worker in one process), OUTBOX_POLL_MS at its default, on the ${sizeName(large.cases)}-case database after the linking samples. Each run: seller A files a case naming a new QQ through POST /v1/cases and the benchmark waits until it is linked, then a random 0 to 400 ms (so that B's filing is not in step with the relay's polls); seller B files one naming the same QQ; from B's 201 the database is polled every 5 ms until the QQ's offender has flagged_at. ${flagWarmUp} unmeasured runs first.`,
  );
}

function printLookups({
  lookups,
  concurrent,
  concurrency,
  sequentialRestCpus,
  concurrentRestCpus,
}: Results): void {
  console.log('\n## Identifier lookup (GET /v1/identifiers/lookup) as a moderator\n');
  const { ms } = lookups;
  const seconds = ms.reduce((sum, value) => sum + value, 0) / 1000;
  console.log(
    table(
      [
        'run',
        'requests',
        'req/s',
        'p50 ms',
        'p97.5 ms',
        'p99 ms',
        'max ms',
        'not 200 with an offender',
        'rest of the machine CPUs',
      ],
      [
        [
          'one at a time',
          fmt(ms.length),
          fmt(ms.length / seconds),
          fmt(percentile(ms, 0.5), 2),
          fmt(percentile(ms, 0.975), 2),
          fmt(percentile(ms, 0.99), 2),
          fmt(Math.max(...ms), 2),
          fmt(lookups.misses),
          rest(sequentialRestCpus),
        ],
        [
          `autocannon, ${concurrency.connections} connections, ${concurrency.duration} s`,
          fmt(concurrent.requests.total),
          fmt(concurrent.requests.average),
          fmt(concurrent.latency.p50, 2),
          fmt(concurrent.latency.p97_5, 2),
          fmt(concurrent.latency.p99, 2),
          fmt(concurrent.latency.max, 2),
          fmt(concurrent.non2xx + concurrent.errors + concurrent.timeouts),
          rest(concurrentRestCpus),
        ],
      ],
    ),
  );
  console.log(
    '\nRandom QQs of seeded cases, each in a cluster, on the same service and database as above. One at a time: each request timed from sending to its body read, with `fetch` over a kept-alive connection. No target was set for these figures. Rest of the machine: CPU used meanwhile by everything but the service, its PostgreSQL backends and this benchmark (Redis included), in CPUs; above about 0.1 something else ran.',
  );
}

/** Prints every section; false when a measurement is not clean. */
export function printReport(results: Results): boolean {
  printMachine(results.loadBefore, results.settings);
  printSeed(results);
  const check = results.small.linking.seedCheck;
  const seedClean =
    !check ||
    (check.clustersDiffering === 0 &&
      check.memberCountsWrong === 0 &&
      check.partyCountsWrong === 0 &&
      check.factsDiffering.length === 0 &&
      check.priorityWrong === 0);
  if (!seedClean) console.log('\nFAILED: the seed is not what linking would have produced.');
  const consistent = printLinking(results);
  printStatements(results);
  printChains(results);
  printFull(results);
  printFlags(results);
  printLookups(results);
  console.log('\n## OCR\n');
  console.log(
    'Not measured here: `npx ts-node -T bench/intel/ocr-pool.ts` measures the OCR pool (OcrPool) on its own; see bench/intel/README.md.',
  );
  const lookupsClean =
    results.lookups.misses === 0 &&
    results.concurrent.non2xx + results.concurrent.errors + results.concurrent.timeouts === 0;
  if (!lookupsClean) console.log('\nFAILED: some lookups did not answer 200 with an offender.');
  return seedClean && consistent && lookupsClean;
}
