import express from 'express';
import multer, { StorageEngine } from 'multer';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { bareSettings, problemOnError, serve } from '../lib/bare-server';

// A reference for the upload benchmark, not its baseline: the least a server does to take the
// same multipart uploads over HTTP and write each file to disk with fsync. Express 5 and multer
// (the parser Bulwark uses) with a storage engine that only writes: no authentication, hashing,
// type or image checks, stored-object layout or database. It runs as a child of the benchmark
// (bench/lib/baseline.ts).

const directory = mkdtempSync(join(os.tmpdir(), 'bulwark-bench-bare-uploads-'));
process.on('exit', () => rmSync(directory, { recursive: true, force: true }));

const writeOnly: StorageEngine = {
  _handleFile(_request, file, callback) {
    const path = join(directory, `${randomUUID()}.part`);
    // flush: fsync before the file is closed.
    pipeline(file.stream, createWriteStream(path, { flags: 'wx', flush: true })).then(
      () => callback(null, { path }),
      (error: unknown) => callback(error),
    );
  },
  _removeFile(_request, file, callback) {
    unlink(file.path).then(
      () => callback(null),
      () => callback(null),
    );
  },
};

const app = express();
app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});
app.post(
  '/v1/cases/:id/evidence',
  multer({ storage: writeOnly }).array('files', 10),
  (request, response) => {
    const files = request.files as Express.Multer.File[];
    response.status(202).json(files.map(() => ({ id: randomUUID() })));
  },
);
app.use(problemOnError);

serve(app, bareSettings());
