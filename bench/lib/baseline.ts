import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { ROOT } from './build';
import {
  baseEnv,
  BulwarkSettings,
  newJwtSecret,
  registerSeller,
  Seller,
  startBulwark,
  TargetSettings,
} from './bulwark';
import { freePort, launch, removeOnExit, Target } from './children';

// Starts a bare Express baseline (bench/*/bare-express.ts) as plain JavaScript, as Bulwark runs
// from dist/: no ts-node in the measured process, whose hooks (and the domain module it loads,
// which slows every EventEmitter) would tax the baseline.
//
// The baseline and the files under bench/ it imports are transpiled, file by file, into a scratch
// directory laid out like the project (scratch/bench/...), next to a link scratch/src -> dist/src.
// So its `../../src/...` imports load the built modules Bulwark itself runs (the vocabularies,
// normalizeCaseInput, the guidance): both targets apply the same rules from the same build.

const BENCH = join(ROOT, 'bench');
const DIST_SRC = join(ROOT, 'dist', 'src');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2023,
  esModuleInterop: true,
};

/** Writes `file` and, recursively, the files under bench/ it imports, as JavaScript into `dir`. */
function transpileTree(file: string, dir: string, done: Set<string>): void {
  if (done.has(file)) return;
  done.add(file);
  const source = readFileSync(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: COMPILER_OPTIONS,
  });
  const output = join(dir, relative(ROOT, file)).replace(/\.ts$/, '.js');
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, outputText);
  for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const imported = resolve(dirname(file), fileName);
    // Anything else is in src/, which the link serves from the build.
    if (imported.startsWith(BENCH + sep)) transpileTree(`${imported}.ts`, dir, done);
  }
}

/**
 * The baseline's entry point as JavaScript, in a scratch directory removed at exit. Also used for
 * baselines that are scripts rather than servers (bench/evidence/child-scripts.ts).
 */
export function compileBaseline(entry: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'bulwark-bench-bare-'));
  removeOnExit(dir);
  symlinkSync(DIST_SRC, join(dir, 'src'), 'junction');
  transpileTree(entry, dir, new Set());
  return join(dir, relative(ROOT, entry)).replace(/\.ts$/, '.js');
}

export interface BaselineSettings extends TargetSettings {
  /** bench/<name>/bare-express.ts */
  entry: string;
}

/** Compiles and starts the baseline in the project root; it finds its packages by NODE_PATH. */
export async function startBaseline(settings: BaselineSettings): Promise<Target> {
  const port = await freePort(settings.preferredPort);
  const script = compileBaseline(settings.entry);
  const note = settings.note ? `, ${settings.note}` : '';
  console.log(`bare Express (${relative(ROOT, settings.entry)}${note}) on port ${port}`);
  return launch(
    'bare Express',
    [...(settings.nodeArgs ?? []), script],
    {
      ...baseEnv(settings.databaseUrl, settings.jwtSecret),
      PORT: String(port),
      NODE_PATH: join(ROOT, 'node_modules'),
    },
    port,
  );
}

export interface BothTargets {
  databaseUrl: string;
  bulwark: Omit<BulwarkSettings, 'databaseUrl' | 'jwtSecret'>;
  baseline: Omit<BaselineSettings, 'databaseUrl' | 'jwtSecret'>;
}

/**
 * Starts Bulwark and benches it, then the baseline, never both at once, with one JWT_SECRET.
 * `bench` gets the target, the path that answers 200 once it is ready, and how to get the seller
 * to send requests as: registered through Bulwark's API, then the same one for the baseline. It
 * stops the target when done.
 */
export async function benchBothTargets<T extends { seller: Seller }>(
  targets: BothTargets,
  bench: (target: Target, readyPath: string, seller: () => Promise<Seller>) => Promise<T>,
): Promise<[bulwark: T, baseline: T]> {
  const common = { databaseUrl: targets.databaseUrl, jwtSecret: newJwtSecret() };
  const bulwark = await startBulwark({ ...targets.bulwark, ...common });
  const first = await bench(bulwark, '/health/ready', () => registerSeller(bulwark.base));
  const baseline = await startBaseline({ ...targets.baseline, ...common });
  const second = await bench(baseline, '/health/live', async () => first.seller);
  return [first, second];
}
