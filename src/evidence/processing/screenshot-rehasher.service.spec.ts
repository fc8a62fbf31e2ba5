import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { phoneChatScreenshot } from '../../../test/factories/screenshots';
import { AppConfig } from '../../config/app-config';
import { OutboxEvent } from '../../jobs/job-names';
import { OutboxService } from '../../jobs/outbox.service';
import { EvidenceEntity } from '../evidence.entity';
import { EvidenceRepository } from '../evidence.repository';
import { processImage } from '../images/image-processor';
import { EvidenceStore } from '../store/evidence-store';
import { ScreenshotRehasher } from './screenshot-rehasher.service';

const PIXEL_LIMIT = 50_000_000;
const config = { evidence: { maxImagePixels: PIXEL_LIMIT } } as AppConfig;

/** A rehasher over one stored screenshot, recording what it reads, saves and publishes. */
function rehasherOf(item: Partial<EvidenceEntity>, original: Buffer, hashSetMeanwhile = false) {
  const reads: string[] = [];
  const saved: string[] = [];
  const published: { event: OutboxEvent; payload: unknown }[] = [];
  const store = {
    read: async (sha256: string) => {
      reads.push(sha256);
      return Readable.from([original]);
    },
  } as unknown as EvidenceStore;
  const evidence = {
    findById: async () => ({ id: 'e1', sha256: 'ab', ...item }),
    saveRehash: async (_manager: unknown, _id: string, hash: string) => {
      saved.push(hash);
      return !hashSetMeanwhile;
    },
  } as unknown as EvidenceRepository;
  const outbox = {
    publish: async (_manager: unknown, event: OutboxEvent, payload: unknown) => {
      published.push({ event, payload });
    },
  } as unknown as OutboxService;
  const dataSource = {
    transaction: (work: (manager: unknown) => Promise<void>) => work({}),
  } as unknown as DataSource;
  const rehasher = new ScreenshotRehasher(config, dataSource, store, evidence, outbox);
  return { rehasher, reads, saved, published };
}

describe('rehashing screenshots stored before the hash changed', () => {
  let original: Buffer;
  beforeAll(async () => {
    original = await phoneChatScreenshot(['加我QQ 2847561932 私聊', '不退款我就给差评']);
  });

  const cleared = {
    kind: 'chat_screenshot',
    status: 'processed',
    perceptualHash: null,
  } as const;

  it('hashes the stored original as processing does, and has the screenshot matched', async () => {
    const { rehasher, reads, saved, published } = rehasherOf(cleared, original);
    await rehasher.rehash('e1');
    expect(reads).toEqual(['ab']);
    expect(saved).toEqual([(await processImage(original, PIXEL_LIMIT)).perceptualHash]);
    expect(published).toEqual([
      {
        event: OutboxEvent.ScreenshotRehashed,
        payload: { evidenceId: 'e1', kind: 'chat_screenshot' },
      },
    ]);
  });

  it('leaves alone a screenshot that has its hash again, and what is not a processed screenshot', async () => {
    for (const item of [
      { ...cleared, perceptualHash: '8000000000000000' },
      { ...cleared, status: 'rejected' as const },
      { ...cleared, kind: 'order_export' as const },
    ]) {
      const { rehasher, reads, published } = rehasherOf(item, original);
      await rehasher.rehash('e1');
      expect(reads).toEqual([]);
      expect(published).toEqual([]);
    }
  });

  it('publishes nothing when another delivery saved the hash first', async () => {
    const { rehasher, saved, published } = rehasherOf(cleared, original, true);
    await rehasher.rehash('e1');
    expect(saved).toHaveLength(1);
    expect(published).toEqual([]);
  });
});
