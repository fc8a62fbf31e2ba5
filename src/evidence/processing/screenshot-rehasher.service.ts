import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobContext } from '../../jobs/job-data';
import { JobName, OutboxEvent } from '../../jobs/job-names';
import { OnJob } from '../../jobs/on-job.decorator';
import { OutboxService } from '../../jobs/outbox.service';
import { EvidenceRepository } from '../evidence.repository';
import { perceptualHashOf } from '../images/image-processor';
import { EVIDENCE_STORE, EvidenceStore } from '../store/evidence-store';

/**
 * Hashes again, from the stored original, a screenshot whose hash a migration cleared because the
 * hash changed, then has it matched: the screenshots sellers sent before stay findable. Safe to
 * run twice: a screenshot that has its hash again is left alone.
 */
@Injectable()
export class ScreenshotRehasher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly evidence: EvidenceRepository,
    private readonly outbox: OutboxService,
  ) {}

  @OnJob(JobName.RehashScreenshot)
  async rehashJob(job: JobContext<JobName.RehashScreenshot>): Promise<void> {
    await this.rehash(job.payload.evidenceId);
  }

  async rehash(evidenceId: string): Promise<void> {
    const item = await this.evidence.findById(evidenceId);
    if (item?.kind !== 'chat_screenshot' || item.status !== 'processed') return;
    if (item.perceptualHash !== null) return;
    const bytes = await buffer(await this.store.read(item.sha256));
    const hash = await perceptualHashOf(bytes, this.config.evidence.maxImagePixels);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.evidence.saveRehash(manager, evidenceId, hash))) return;
      await this.outbox.publish(manager, OutboxEvent.ScreenshotRehashed, {
        evidenceId,
        kind: item.kind,
      });
    });
  }
}
