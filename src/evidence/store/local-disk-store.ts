import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  chmod,
  link,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  utimes,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertSha256,
  DERIVED_VARIANTS,
  DerivedVariant,
  EvidenceStore,
  StoredObject,
} from './evidence-store';

/** fsyncs a file, or a directory so that a link or rename inside it survives a crash. */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Evidence on local disk under UPLOADS_DIR: originals at objects/aa/bb/<sha256>, read-only once
 * there; derived files at derived/aa/bb/<sha256>.<variant>; uploads in progress under tmp/.
 */
export class LocalDiskStore implements EvidenceStore {
  private readonly objectsDir: string;
  private readonly derivedDir: string;
  private readonly temporaryDir: string;

  constructor(root: string) {
    this.objectsDir = join(root, 'objects');
    this.derivedDir = join(root, 'derived');
    this.temporaryDir = join(root, 'tmp');
  }

  /** Creates the directories; called once at start-up. */
  async prepare(): Promise<void> {
    await Promise.all(
      [this.objectsDir, this.derivedDir, this.temporaryDir].map((dir) =>
        mkdir(dir, { recursive: true }),
      ),
    );
  }

  temporaryPath(): string {
    return join(this.temporaryDir, `${randomUUID()}.part`);
  }

  async adopt(temporaryPath: string, sha256: string): Promise<void> {
    const target = this.objectPath(sha256);
    await syncPath(temporaryPath);
    await mkdir(dirname(target), { recursive: true });
    try {
      // link() never replaces: a stored object is not touched again, even by identical bytes.
      await link(temporaryPath, target);
      await chmod(target, 0o444);
      await syncPath(dirname(target));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Needed again: a fresh time keeps the sweep's grace period from removing it under us.
      const now = new Date();
      await utimes(target, now, now);
    } finally {
      await unlink(temporaryPath).catch(() => undefined);
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.objectPath(sha256));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async read(sha256: string): Promise<Readable> {
    return this.openStream(this.objectPath(sha256));
  }

  async withLocalFile<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T> {
    const path = this.objectPath(sha256);
    await stat(path);
    return use(path);
  }

  async putDerived(sha256: string, variant: DerivedVariant, bytes: Buffer): Promise<void> {
    const target = this.derivedPath(sha256, variant);
    const temporary = this.temporaryPath();
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(temporary, target);
    await syncPath(dirname(target));
  }

  async readDerived(sha256: string, variant: DerivedVariant): Promise<Readable> {
    return this.openStream(this.derivedPath(sha256, variant));
  }

  async *listObjects(): AsyncIterable<StoredObject> {
    for (const first of await readdir(this.objectsDir)) {
      for (const second of await readdir(join(this.objectsDir, first))) {
        for (const name of await readdir(join(this.objectsDir, first, second))) {
          const modifiedAt = await this.modifiedAt(name);
          if (modifiedAt) yield { sha256: name, modifiedAt };
        }
      }
    }
  }

  async modifiedAt(sha256: string): Promise<Date | undefined> {
    try {
      return (await stat(this.objectPath(sha256))).mtime;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.objectPath(sha256), { force: true });
    await Promise.all(
      DERIVED_VARIANTS.map((variant) => rm(this.derivedPath(sha256, variant), { force: true })),
    );
  }

  async removeTemporaryFilesOlderThan(cutoff: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.temporaryDir)) {
      const path = join(this.temporaryDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtime < cutoff) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private objectPath(sha256: string): string {
    assertSha256(sha256);
    return join(this.objectsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private derivedPath(sha256: string, variant: DerivedVariant): string {
    assertSha256(sha256);
    return join(this.derivedDir, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.${variant}`);
  }

  private openStream(path: string): Promise<Readable> {
    return new Promise((resolve, reject) => {
      const stream = createReadStream(path);
      stream.once('open', () => resolve(stream));
      stream.once('error', reject);
    });
  }
}
