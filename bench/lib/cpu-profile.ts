import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { ROOT } from './build';
import { fmt, table } from './report';

// Reads a V8 .cpuprofile (node --cpu-prof) and says where the CPU time went: self time by
// function and by package, the same with Node's and V8's own functions charged to the package
// that called them, and the time under each package including what it called.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A time window in microseconds of the monotonic clock, as process.hrtime.bigint() / 1000. */
export interface Window {
  from: number;
  to: number;
}

export interface ProfileSummary {
  /** Milliseconds of samples inside the window, idle excluded. */
  busyMs: number;
  idleMs: number;
  windowed: boolean;
  functions: { name: string; where: string; group: string; ms: number }[];
  selfByGroup: Map<string, number>;
  /** Self time, node core and V8 builtins charged to the nearest package up the stack. */
  chargedByGroup: Map<string, number>;
  totalByGroup: Map<string, number>;
}

/** Parts of the runtime rather than of a package: charged to their caller where there is one. */
const RUNTIME = new Set(['node core', '(native: V8 builtins, Node bindings)']);

/** Which package or part of the program a frame belongs to. */
function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(program)') return '(program: native, outside JS)';
    if (functionName === '(idle)') return '(idle)';
    return '(native: V8 builtins, Node bindings)';
  }
  if (url.startsWith('node:')) return 'node core';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const dist = url.indexOf('/dist/src/');
  if (dist >= 0) {
    const [area] = url.slice(dist + '/dist/src/'.length).split('/');
    return `bulwark src/${area.replace(/\.js$/, '')}`;
  }
  return basename(url);
}

function whereOf(frame: CallFrame): string {
  if (frame.url === '') return '';
  const path = frame.url.replace(/^file:\/\//, '');
  const inProject = path.startsWith('/') ? relative(ROOT, path) : path;
  const shown = inProject.startsWith('..') ? basename(path) : inProject;
  return `${shown}:${frame.lineNumber + 1}`;
}

export function summariseProfile(file: string, window?: Window): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }

  // Sample i was taken at startTime + the deltas up to i; it stands for the time until the next.
  const times: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((at += delta));
  const inWindow = (time: number) => !window || (time >= window.from && time <= window.to);
  const windowed = window !== undefined && times.some(inWindow);

  const selfByNode = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    if (windowed && !inWindow(times[i])) continue;
    const ms = ((times[i + 1] ?? times[i]) - times[i]) / 1000;
    selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + ms);
  }

  const groupOfNode = (id: number) => groupOf(byId.get(id)!.callFrame);
  const chargedGroupOf = (id: number) => {
    const own = groupOfNode(id);
    if (!RUNTIME.has(own)) return own;
    for (let node = parentOf.get(id); node !== undefined; node = parentOf.get(node)) {
      const group = groupOfNode(node);
      if (!RUNTIME.has(group) && !group.startsWith('(')) return group;
    }
    return own;
  };

  const functions = new Map<string, ProfileSummary['functions'][number]>();
  const selfByGroup = new Map<string, number>();
  const chargedByGroup = new Map<string, number>();
  const totalByGroup = new Map<string, number>();
  let busyMs = 0;
  let idleMs = 0;
  for (const [id, ms] of selfByNode) {
    const frame = byId.get(id)!.callFrame;
    const group = groupOf(frame);
    if (group === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    const where = whereOf(frame);
    const name = frame.functionName || '(anonymous)';
    const key = `${name}\u0000${where}`;
    const entry = functions.get(key) ?? { name, where, group, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
    selfByGroup.set(group, (selfByGroup.get(group) ?? 0) + ms);
    const charged = chargedGroupOf(id);
    chargedByGroup.set(charged, (chargedByGroup.get(charged) ?? 0) + ms);
    // Time under a group: every group on the stack, once per sample. Node core is on nearly
    // every stack (the event loop), so it says nothing here.
    const groups = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
      const nodeGroup = groupOfNode(node);
      if (!nodeGroup.startsWith('(') && !RUNTIME.has(nodeGroup)) groups.add(nodeGroup);
    }
    for (const onStack of groups) totalByGroup.set(onStack, (totalByGroup.get(onStack) ?? 0) + ms);
  }
  return {
    busyMs,
    idleMs,
    windowed,
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms),
    selfByGroup,
    chargedByGroup,
    totalByGroup,
  };
}

const share = (ms: number, of: number) => `${fmt((100 * ms) / of, 1)} %`;

function topOf(map: Map<string, number>, count: number): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/**
 * Markdown: the busy time, then self time by package (as sampled, and with the runtime charged
 * to its caller), time under each package and the top functions; per request when `requests`
 * (the requests answered in the profiled window) is given.
 */
export function printProfileSummary(
  summary: ProfileSummary,
  requests: number,
  counts: { packages: number; functions: number } = { packages: 20, functions: 25 },
): void {
  const { busyMs, idleMs } = summary;
  const perRequest = (ms: number) => fmt((ms * 1000) / Math.max(1, requests));
  const rows = (map: Map<string, number>) =>
    topOf(map, counts.packages).map(([group, ms]) => [
      group,
      fmt(ms),
      perRequest(ms),
      share(ms, busyMs),
    ]);
  console.log(
    `CPU busy ${fmt(busyMs)} ms (${perRequest(busyMs)} µs per request over ${fmt(requests)} requests), idle ${fmt(idleMs)} ms${summary.windowed ? '; samples of the measured run only' : '; the whole process lifetime (the measured window could not be matched)'}.\n`,
  );
  console.log('Self time by package, as sampled:\n');
  console.log(table(['package', 'self ms', 'µs/request', 'share'], rows(summary.selfByGroup)));
  console.log(
    "\nSelf time by package, with Node's and V8's own functions (native socket writes such as writev, JSON, buffers, streams, promise hooks) charged to the nearest package that called them; what remains under node core ran with no package on the stack (event loop, HTTP parsing, promise jobs):\n",
  );
  console.log(table(['package', 'self ms', 'µs/request', 'share'], rows(summary.chargedByGroup)));
  console.log(
    '\nTime under each package (self + everything it called synchronously; a sample counts once per package on its stack, so these overlap):\n',
  );
  console.log(table(['package', 'total ms', 'µs/request', 'share'], rows(summary.totalByGroup)));
  console.log(`\nTop ${counts.functions} functions by self time:\n`);
  console.log(
    table(
      ['function', 'package', 'where', 'self ms', 'µs/request', 'share'],
      summary.functions
        .slice(0, counts.functions)
        .map((entry) => [
          `\`${entry.name}\``,
          entry.group,
          entry.where,
          fmt(entry.ms),
          perRequest(entry.ms),
          share(entry.ms, busyMs),
        ]),
    ),
  );
}
