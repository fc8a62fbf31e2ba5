import os from 'node:os';

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
