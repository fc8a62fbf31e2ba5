import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';

/** A sanitised rendering of a screenshot, sent to the page that shows it, cached briefly. */
export function evidenceImage(response: Response, content: Readable): StreamableFile {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'private, max-age=300');
  return new StreamableFile(content, { type: 'image/webp' });
}
