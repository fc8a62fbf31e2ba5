import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalDiskStore } from './local-disk-store';

const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

describe('the local disk evidence store', () => {
  let root: string;
  let store: LocalDiskStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bulwark-store-'));
    store = new LocalDiskStore(root);
    await store.prepare();
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const upload = async (bytes: string) => {
    const path = store.temporaryPath();
    await writeFile(path, bytes);
    return path;
  };

  it('stores an upload under its hash, read-only, and leaves no temporary file', async () => {
    const hash = sha256('screenshot');
    await store.adopt(await upload('screenshot'), hash);
    expect(await store.has(hash)).toBe(true);
    expect(await text((await store.read(hash)) as Readable)).toBe('screenshot');
    const info = await stat(join(root, 'objects', hash.slice(0, 2), hash.slice(2, 4), hash));
    expect(info.mode & 0o777).toBe(0o444);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('keeps the first copy when the same bytes arrive again', async () => {
    const hash = sha256('same');
    await store.adopt(await upload('same'), hash);
    const objectPath = join(root, 'objects', hash.slice(0, 2), hash.slice(2, 4), hash);
    const first = await stat(objectPath);
    await store.adopt(await upload('same'), hash);
    expect((await stat(objectPath)).ino).toBe(first.ino);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('lists, keeps derived files beside originals and removes both', async () => {
    const hash = sha256('image');
    await store.adopt(await upload('image'), hash);
    await store.putDerived(hash, 'thumbnail', Buffer.from('small'));
    await store.putDerived(hash, 'thumbnail', Buffer.from('small'));
    expect(await text((await store.readDerived(hash, 'thumbnail')) as Readable)).toBe('small');
    const listed: string[] = [];
    for await (const object of store.listObjects()) listed.push(object.sha256);
    expect(listed).toEqual([hash]);
    await store.remove(hash);
    expect(await store.has(hash)).toBe(false);
    await expect(store.readDerived(hash, 'thumbnail')).rejects.toThrow(/ENOENT/);
  });

  it('sweeps only temporary files older than the cutoff', async () => {
    const old = await upload('abandoned');
    const fresh = await upload('in progress');
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
    await utimes(old, hourAgo, hourAgo);
    expect(await store.removeTemporaryFilesOlderThan(new Date(Date.now() - 60 * 60 * 1000))).toBe(
      1,
    );
    expect(await readdir(join(root, 'tmp'))).toEqual([fresh.split('/').pop()]);
  });

  it('refuses anything that is not a SHA-256 as a name, so no path can escape the store', async () => {
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/SHA-256/);
    await expect(store.adopt(await upload('x'), 'ab')).rejects.toThrow(/SHA-256/);
  });
});
