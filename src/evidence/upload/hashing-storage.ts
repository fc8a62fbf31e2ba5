import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** What the hashing storage adds to each of multer's files. */
export interface HashedFile {
  path: string;
  size: number;
  sha256: string;
}

type MulterFile = Express.Multer.File & Partial<HashedFile>;

/**
 * A multer storage engine that streams each file to a temporary path while hashing it with
 * SHA-256, so no upload is ever held whole in memory. A file whose stream fails (the client went
 * away, a limit was hit) is removed before the error is reported.
 */
export class HashingStorage implements StorageEngine {
  constructor(private readonly temporaryPath: () => string) {}

  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const path = this.temporaryPath();
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(file.stream, measure, createWriteStream(path, { flags: 'wx', mode: 0o600 })).then(
      () => callback(null, { path, size, sha256: hash.digest('hex') } as Partial<MulterFile>),
      (error: unknown) => {
        void unlink(path)
          .catch(() => undefined)
          .finally(() => callback(error));
      },
    );
  }

  _removeFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error: Error | null) => void,
  ): void {
    unlink(file.path).then(
      () => callback(null),
      () => callback(null),
    );
  }
}
