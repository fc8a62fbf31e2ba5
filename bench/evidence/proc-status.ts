import { readFileSync } from 'node:fs';

// A process's resident memory and thread count, as the kernel reports them (Linux only).

export interface ProcStatus {
  rssBytes: number;
  threads: number;
}

/** From /proc/<pid>/status; undefined once the process is gone or off Linux. */
export function readProcStatus(pid: number): ProcStatus | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  const rssKiB = field('VmRSS');
  const threads = field('Threads');
  if (!Number.isFinite(rssKiB) || !Number.isFinite(threads)) return undefined;
  return { rssBytes: rssKiB * 1024, threads };
}
