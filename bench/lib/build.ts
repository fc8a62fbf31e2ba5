import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Benchmarks run the build, not the sources: builds when dist/src/main.js is missing, warns when
 * src/ has changed since.
 */
export function ensureBuild(): void {
  if (!existsSync(MAIN)) {
    console.log(
      'dist/src/main.js is missing: running `npm run build` (run it yourself next time).',
    );
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(MAIN)) throw new Error('npm run build failed');
    return;
  }
  if (newestMtime(join(ROOT, 'src')) > statSync(MAIN).mtimeMs) {
    console.log('warning: src/ has changes newer than dist/; run `npm run build` to bench them.');
  }
}
