import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Request } from 'express';
import { HashedFile, HashingStorage } from './hashing-storage';

describe('the hashing upload storage', () => {
  let dir: string;
  let storage: HashingStorage;
  let counter = 0;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-upload-'));
    storage = new HashingStorage(() => join(dir, `${(counter += 1)}.part`));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const handle = (stream: Readable) =>
    new Promise<Partial<HashedFile>>((resolve, reject) =>
      storage._handleFile({} as Request, { stream } as Express.Multer.File, (error, info) =>
        error ? reject(error) : resolve(info as Partial<HashedFile>),
      ),
    );

  it('writes the bytes to a temporary file and reports their SHA-256 and size', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const info = await handle(Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]));
    expect(info.size).toBe(bytes.length);
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await readFile(info.path!)).equals(bytes)).toBe(true);
  });

  it('removes the temporary file when the upload breaks off midway', async () => {
    const stream = new PassThrough();
    const result = handle(stream);
    stream.write(Buffer.alloc(1024));
    stream.destroy(new Error('client went away'));
    await expect(result).rejects.toThrow('client went away');
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes a stored file when multer drops it', async () => {
    const info = await handle(Readable.from([Buffer.from('x')]));
    await new Promise<void>((resolve) =>
      storage._removeFile({} as Request, { path: info.path } as Express.Multer.File, () =>
        resolve(),
      ),
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
