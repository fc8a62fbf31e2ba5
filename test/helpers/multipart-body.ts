import { randomUUID } from 'node:crypto';

export interface FormPart {
  /** What follows `form-data; ` in the part's Content-Disposition, sent as UTF-8 bytes. */
  disposition: string;
  contentType?: string;
  body: Buffer | string;
}

/**
 * A multipart/form-data body written byte by byte, so a test decides exactly how a file name
 * travels: raw UTF-8 between the quotes as curl, browsers and fetch send it, or RFC 5987's
 * `filename*`.
 */
export function multipartBody(parts: FormPart[]): { contentType: string; body: Buffer } {
  const boundary = `bulwark-${randomUUID()}`;
  const encoded = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; ${part.disposition}\r\n` +
        (part.contentType ? `Content-Type: ${part.contentType}\r\n` : '') +
        '\r\n',
    ),
    Buffer.from(part.body),
    Buffer.from('\r\n'),
  ]);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([...encoded, Buffer.from(`--${boundary}--\r\n`)]),
  };
}
