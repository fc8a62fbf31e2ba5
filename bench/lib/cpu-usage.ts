import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

// CPU time spent by the server under test, by the PostgreSQL backends serving it and by the
// benchmark process itself (autocannon), and how busy the whole machine was, between two
// snapshots. Linux only (/proc); elsewhere the snapshots are undefined and the benchmark leaves
// the CPU table out. PostgreSQL's shared background processes (WAL writer, checkpointer,
// autovacuum) are not counted: they also serve whatever else uses the server.

export interface CpuSnapshot {
  /** CPU milliseconds (user + system) so far. */
  server: number;
  /** Per backend process id, as backends come and go. */
  postgres: Map<string, number>;
  bench: number;
  /** Clock ticks of all CPUs: busy and in total. */
  machineBusy: number;
  machineTotal: number;
}

export interface CpuUse {
  server: number;
  postgres: number;
  bench: number;
  /** Share of all CPUs that was busy, 0 to 1. */
  machineBusy: number;
  /**
   * CPU the rest of the machine used, in CPUs (1 = one CPU all the time): other programs, the
   * kernel's own work and PostgreSQL's background processes. High means the run was disturbed.
   */
  others: number;
}

let tickMs: number | undefined;

function msPerTick(): number {
  if (tickMs === undefined) {
    const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
    tickMs = 1000 / (Number.isFinite(ticks) && ticks > 0 ? ticks : 100);
  }
  return tickMs;
}

/** comm and utime + stime (ticks) of one process, from /proc/<pid>/stat. */
function processTicks(pid: string): { comm: string; ticks: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  // After the comm: state is field 3, utime field 14, stime field 15.
  const fields = stat.slice(close + 2).split(' ');
  return { comm: stat.slice(open + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** `backendPids`: the PostgreSQL backends connected on behalf of the server under test. */
export function cpuSnapshot(
  serverPid: number | undefined,
  backendPids: number[],
): CpuSnapshot | undefined {
  if (process.platform !== 'linux' || serverPid === undefined) return undefined;
  try {
    const tick = msPerTick();
    const server = processTicks(String(serverPid));
    if (!server) return undefined;
    const postgres = new Map<string, number>();
    for (const pid of backendPids.map(String)) {
      const entry = processTicks(pid);
      if (entry?.comm === 'postgres') postgres.set(pid, entry.ticks * tick);
    }
    const [, ...times] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = times.slice(0, 8).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    const idle = values[3] + values[4];
    const { user, system } = process.cpuUsage();
    return {
      server: server.ticks * tick,
      postgres,
      bench: (user + system) / 1000,
      machineBusy: total - idle,
      machineTotal: total,
    };
  } catch {
    return undefined;
  }
}

export function cpuUse(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined) {
  if (!before || !after) return undefined;
  const tick = msPerTick();
  const totalMs = (after.machineTotal - before.machineTotal) * tick;
  const busyMs = (after.machineBusy - before.machineBusy) * tick;
  const server = after.server - before.server;
  // A backend that started during the window spent all its time in it.
  const postgres = [...after.postgres].reduce(
    (sum, [pid, ms]) => sum + ms - (before.postgres.get(pid) ?? 0),
    0,
  );
  const bench = after.bench - before.bench;
  const wallMs = totalMs / Math.max(1, os.cpus().length);
  const use: CpuUse = {
    server,
    postgres,
    bench,
    machineBusy: totalMs > 0 ? busyMs / totalMs : 0,
    others: wallMs > 0 ? Math.max(0, busyMs - server - postgres - bench) / wallMs : 0,
  };
  return use;
}
