import os from 'node:os';
import type autocannon from 'autocannon';

export const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The 1, 5 and 15 minute load averages; take it before the benchmark starts anything. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/** The "Machine" section: CPUs, Node, memory, the load before the run, then `extra` lines. */
export function printMachine(loadBefore: string, extra: string[]): void {
  const cpus = os.cpus();
  console.log('\n## Machine\n');
  console.log(`- CPUs: ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown'}`);
  console.log(`- Node ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}`);
  console.log(
    `- memory: ${fmt(os.totalmem() / 2 ** 30, 1)} GiB; load average before: ${loadBefore}`,
  );
  for (const line of extra) console.log(`- ${line}`);
}

/** One measured run of autocannon against one route of one target. */
export interface Run {
  target: string;
  route: string;
  result: autocannon.Result;
}

/** The "Runs" section: throughput, latency percentiles and failures of every run. */
export function printRuns(runs: Run[]): void {
  console.log('\n## Runs\n');
  console.log(
    table(
      [
        'target',
        'route',
        'req/s (avg)',
        'p50 ms',
        'p97.5 ms',
        'p99 ms',
        'non-2xx',
        'errors',
        'timeouts',
      ],
      runs.map(({ target, route, result }) => [
        target,
        route,
        fmt(result.requests.average),
        fmt(result.latency.p50),
        fmt(result.latency.p97_5),
        fmt(result.latency.p99),
        String(result.non2xx),
        String(result.errors),
        String(result.timeouts),
      ]),
    ),
  );
}

/**
 * Names each run in which a request did not get a 2xx in time (non-2xx, errors, timeouts): such a
 * run measured failures. True when there was none.
 */
export function checkFailures(runs: Run[]): boolean {
  const failed = runs.filter(({ result }) => result.non2xx + result.errors + result.timeouts > 0);
  for (const { target, route, result } of failed) {
    console.log(
      `\nFAILED: ${target} ${route} had ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts: its numbers are not a clean measurement.`,
    );
  }
  return failed.length === 0;
}
