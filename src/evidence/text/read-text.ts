import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { detectTextEncoding } from './text-encoding';

/** A text file's contents, in UTF-8 or GB18030 as its bytes say, without a byte-order mark. */
export async function readText(source: Readable): Promise<string> {
  const bytes = await buffer(source);
  return new TextDecoder(detectTextEncoding(bytes, true)).decode(bytes);
}
