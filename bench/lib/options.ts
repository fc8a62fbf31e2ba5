// Command-line options shared by the benchmarks: --duration N and --connections N (positive
// integers, `--flag N` or `--flag=N`), plus any on/off switches a benchmark adds.

export class UsageError extends Error {}

export interface LoadOptions {
  duration: number;
  connections: number;
}

export interface ParsedOptions extends LoadOptions {
  switches: Set<string>;
}

export function parseOptions(
  argv: string[],
  defaults: LoadOptions,
  usage: string,
  switches: readonly string[] = [],
): ParsedOptions {
  const options: ParsedOptions = { ...defaults, switches: new Set() };
  const expected = ['--duration N', '--connections N', ...switches];
  const expectedText =
    expected.length === 2
      ? expected.join(' or ')
      : `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    }
    if (switches.includes(flag) && inline === undefined) {
      options.switches.add(flag);
      continue;
    }
    if (flag !== '--duration' && flag !== '--connections') {
      throw new UsageError(`unknown argument ${argv[i]} (expected ${expectedText})`);
    }
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new UsageError(`${flag} needs a positive integer, got ${JSON.stringify(raw)}`);
    }
    options[flag === '--duration' ? 'duration' : 'connections'] = value;
  }
  return options;
}

/**
 * Runs a benchmark's main and exits with status 1 when it throws: a usage error with the usage
 * text, anything else with its stack.
 */
export function runMain(name: string, usage: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}`);
      console.error(usage);
    } else {
      console.error(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
    process.exit(1);
  });
}

/**
 * Options that are all positive integers, `--name N` or `--name=N`, each named by a key of
 * `defaults`; `--help` prints `usage`.
 */
export function parseIntegerOptions<T extends Record<string, number>>(
  argv: string[],
  defaults: T,
  usage: string,
): T {
  const options: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const [flag] = argv[i].split('=', 1);
    if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !(name in options)) {
      throw new UsageError(`unknown argument ${argv[i]}`);
    }
    const raw = argv[i].includes('=') ? argv[i].slice(flag.length + 1) : argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new UsageError(`${flag} needs a positive integer, got ${JSON.stringify(raw)}`);
    }
    options[name] = value;
  }
  return options as T;
}
