import { Test } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClock } from '../../test/helpers/test-clock';
import { Clock } from '../common/clock';
import { EvidenceSweeper } from './evidence-sweeper.service';
import { EvidenceRepository } from './evidence.repository';
import { EVIDENCE_STORE } from './store/evidence-store';
import { LocalDiskStore } from './store/local-disk-store';

const MINUTE_MS = 60_000;
const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

describe('the evidence sweeper', () => {
  let root: string;
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('leaves what an upload may still claim for an hour, then removes it, as the clock moves', async () => {
    root = await mkdtemp(join(tmpdir(), 'bulwark-sweep-'));
    const store = new LocalDiskStore(root);
    await store.prepare();
    const stored = async (bytes: string) => {
      const path = store.temporaryPath();
      await writeFile(path, bytes);
      await store.adopt(path, sha256(bytes));
      return sha256(bytes);
    };
    const named = await stored('a screenshot a row names');
    const orphan = await stored('bytes whose row never committed');
    await writeFile(store.temporaryPath(), 'half an upload');

    const clock = new TestClock(new Date());
    const moduleRef = await Test.createTestingModule({
      providers: [
        EvidenceSweeper,
        { provide: EVIDENCE_STORE, useValue: store },
        {
          provide: EvidenceRepository,
          useValue: { referencedHashes: async () => new Set([named]) },
        },
        { provide: Clock, useValue: clock },
      ],
    }).compile();
    const sweeper = moduleRef.get(EvidenceSweeper);

    clock.advance(59 * MINUTE_MS);
    await sweeper.sweepJob();
    expect(await store.has(orphan)).toBe(true);
    expect(await readdir(join(root, 'tmp'))).toHaveLength(1);

    clock.advance(2 * MINUTE_MS);
    expect(await sweeper.sweep()).toEqual({ temporaryFiles: 1, orphanObjects: 1 });
    expect(await store.has(orphan)).toBe(false);
    expect(await store.has(named)).toBe(true);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });
});
