import { open } from 'node:fs/promises';

/** Writes a new file and fsyncs it: the bytes are on disk when this resolves. */
export async function writeSynced(path: string, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
