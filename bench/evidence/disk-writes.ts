import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { childMain, timed, Timed } from './child-main';
import { eachConcurrently } from './pool';
import { writeSynced } from './write-synced';

// The baseline of the upload benchmark: the same bytes written to new files on the same disk,
// each fsynced, as many at once as there are upload clients. The files are read into memory
// first, outside the measurement, as an upload's bytes arrive from the network.

interface DiskWriteArgs {
  files: string[];
  outDir: string;
  concurrency: number;
}

childMain<DiskWriteArgs, Timed & { bytes: number }>(async ({ files, outDir, concurrency }) => {
  const contents = await Promise.all(files.map((path) => readFile(path)));
  const time = await timed(() =>
    eachConcurrently(contents, concurrency, (bytes, index) =>
      writeSynced(join(outDir, `${index}-${basename(files[index])}`), bytes),
    ),
  );
  return { ...time, bytes: contents.reduce((sum, bytes) => sum + bytes.length, 0) };
});
