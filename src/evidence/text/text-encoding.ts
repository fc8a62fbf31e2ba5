import { Transform } from 'node:stream';

export type TextEncoding = 'utf-8' | 'gb18030';

/**
 * UTF-8 if the sample decodes as UTF-8, else GB18030 (a superset of the GBK that Chinese seller
 * centres export). `complete` says the sample is the whole file; otherwise its last character
 * may be cut off, which streaming decoding holds back instead of failing on.
 */
export function detectTextEncoding(sample: Buffer, complete: boolean): TextEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Bytes in, text out, with a UTF-8 BOM dropped; bytes that are not `encoding` fail the stream. */
export function decodeTextStream(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
