import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

const TEXT_SAMPLE_BYTES = 64 * 1024;

/** file-type's names for types that MEDIA_TYPES knows under one canonical name. */
const CANONICAL: Record<string, string> = {
  'audio/x-m4a': 'audio/mp4',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-wav': 'audio/wav',
};

function isText(sample: Buffer): boolean {
  if (sample.includes(0)) return false;
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      // A sample may end inside a character; only the cut-off tail may fail to decode.
      new TextDecoder(encoding, { fatal: true }).decode(sample.subarray(0, lastLineEnd(sample)));
      return true;
    } catch {
      // try the next encoding
    }
  }
  return false;
}

function lastLineEnd(sample: Buffer): number {
  if (sample.length < TEXT_SAMPLE_BYTES) return sample.length;
  const end = sample.lastIndexOf(0x0a);
  return end > 0 ? end + 1 : sample.length;
}

/**
 * The media type of a file's bytes, whatever its name or declared type says; undefined for bytes
 * that are no type Bulwark knows. Text is text/plain whatever it holds: markup is looked for in
 * the whole of it by findMarkup, not judged here from its first bytes.
 */
export async function sniffMediaType(path: string): Promise<string | undefined> {
  const detected = await fileTypeFromFile(path);
  if (detected) return CANONICAL[detected.mime] ?? detected.mime;
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(
      Buffer.alloc(TEXT_SAMPLE_BYTES),
      0,
      TEXT_SAMPLE_BYTES,
      0,
    );
    const sample = buffer.subarray(0, bytesRead);
    return bytesRead > 0 && isText(sample) ? 'text/plain' : undefined;
  } finally {
    await handle.close();
  }
}
