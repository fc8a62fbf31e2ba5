import { UsageError } from '../lib/options';

// bench:evidence's command line: sizes of the run rather than bench/lib/options.ts's duration
// and connections.

export const USAGE =
  'usage: npm run bench:evidence [-- --images N] [--baseline-images N] [--clients N]\n' +
  '  --images N           screenshots uploaded, then drained by the worker (default 1000)\n' +
  '  --baseline-images N  of those, how many plain sharp and processImage alone do (default 250)\n' +
  '  --clients N          concurrent upload clients, one case each (default 4)\n' +
  '  --worker-env N=V     set N=V for the worker and both image baselines, to try a setting\n' +
  '                       (JOB_CONCURRENCY, UV_THREADPOOL_SIZE, ...); may be repeated';

export interface EvidenceOptions {
  images: number;
  baselineImages: number;
  clients: number;
  workerEnv: Record<string, string>;
}

const FLAGS: Record<string, 'images' | 'baselineImages' | 'clients'> = {
  '--images': 'images',
  '--baseline-images': 'baselineImages',
  '--clients': 'clients',
};

/** Positive integers, `--flag N` or `--flag=N`. */
export function parseEvidenceOptions(argv: string[]): EvidenceOptions {
  const options: EvidenceOptions = {
    images: 1000,
    baselineImages: 250,
    clients: 4,
    workerEnv: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag] = argv[i].split('=', 1);
    const inline = argv[i].includes('=') ? argv[i].slice(flag.length + 1) : undefined;
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag === '--worker-env') {
      const setting = inline ?? argv[++i] ?? '';
      const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(setting);
      if (!match)
        throw new UsageError(`--worker-env needs NAME=VALUE, got ${JSON.stringify(setting)}`);
      options.workerEnv[match[1]] = match[2];
      continue;
    }
    const name = FLAGS[flag];
    if (!name) throw new UsageError(`unknown argument ${argv[i]}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new UsageError(`${flag} needs a positive integer, got ${JSON.stringify(raw)}`);
    }
    options[name] = value;
  }
  options.baselineImages = Math.min(options.baselineImages, options.images);
  return options;
}
