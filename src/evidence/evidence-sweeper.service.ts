import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobName } from '../jobs/job-names';
import { OnJob } from '../jobs/on-job.decorator';
import { EvidenceRepository } from './evidence.repository';
import { EVIDENCE_STORE, EvidenceStore, StoredObject } from './store/evidence-store';

/** Longer than any upload takes between storing its bytes and committing its row. */
const GRACE_MS = 60 * 60 * 1000;
const BATCH = 500;

export interface SweepResult {
  temporaryFiles: number;
  orphanObjects: number;
}

/**
 * A scheduled job (SCHEDULE_OF_JOB): removes temporary files of uploads that died and stored
 * objects that no evidence row names (a crash between storing the bytes and committing the row
 * leaves those).
 */
@Injectable()
export class EvidenceSweeper {
  private readonly logger = new Logger(EvidenceSweeper.name);

  constructor(
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly evidence: EvidenceRepository,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.SweepEvidence)
  async sweepJob(): Promise<void> {
    await this.sweep();
  }

  async sweep(now = this.clock.now()): Promise<SweepResult> {
    const cutoff = new Date(now.getTime() - GRACE_MS);
    const temporaryFiles = await this.store.removeTemporaryFilesOlderThan(cutoff);
    let orphanObjects = 0;
    let batch: StoredObject[] = [];
    const flush = async () => {
      orphanObjects += await this.removeOrphans(batch, cutoff);
      batch = [];
    };
    for await (const object of this.store.listObjects()) {
      if (object.modifiedAt >= cutoff) continue;
      batch.push(object);
      if (batch.length === BATCH) await flush();
    }
    await flush();
    if (temporaryFiles + orphanObjects > 0) {
      this.logger.log(
        `Swept ${temporaryFiles} temporary files and ${orphanObjects} orphan objects`,
      );
    }
    return { temporaryFiles, orphanObjects };
  }

  private async removeOrphans(objects: StoredObject[], cutoff: Date): Promise<number> {
    if (objects.length === 0) return 0;
    const referenced = await this.evidence.referencedHashes(objects.map((object) => object.sha256));
    let removed = 0;
    for (const { sha256 } of objects) {
      if (referenced.has(sha256)) continue;
      // Adopted again since it was listed: an upload is about to name it.
      const modifiedAt = await this.store.modifiedAt(sha256);
      if (!modifiedAt || modifiedAt >= cutoff) continue;
      await this.store.remove(sha256);
      removed += 1;
    }
    return removed;
  }
}
