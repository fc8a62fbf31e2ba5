import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { CaseWriter } from '../../cases/case-writer';
import { CasesRepository } from '../../cases/cases.repository';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobContext } from '../../jobs/job-data';
import { JobName } from '../../jobs/job-names';
import { OnJob } from '../../jobs/on-job.decorator';
import { analysisStepsOf } from '../analysis/evidence-analysis';
import { EvidenceEntity } from '../evidence.entity';
import { EvidenceRepository } from '../evidence.repository';
import { processImage } from '../images/image-processor';
import { ImageRejected } from '../images/safe-sharp';
import { OrderExportImporter } from '../orders/order-export-importer';
import { OrderRecordsRepository } from '../orders/order-records.repository';
import { announceCaseProgress } from '../../cases/case-progress-channel';
import { EVIDENCE_STORE, EvidenceStore } from '../store/evidence-store';
import { readText } from '../text/read-text';

type Outcome = Parameters<EvidenceRepository['finish']>[2];

/** Turns a received evidence item into what a moderator can use. Safe to run twice. */
@Injectable()
export class EvidenceProcessingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly evidence: EvidenceRepository,
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
    private readonly orders: OrderExportImporter,
    private readonly orderRecords: OrderRecordsRepository,
  ) {}

  @OnJob(JobName.ProcessEvidence)
  async process(job: JobContext<JobName.ProcessEvidence>): Promise<void> {
    const id = job.payload.evidenceId;
    const item = await this.evidence.findById(id);
    if (!item || !(await this.evidence.startProcessing(id))) return;
    await announceCaseProgress(this.dataSource.manager, item.caseId);
    const processed = await this.outcomeOf(item);
    const outcome = {
      ...processed,
      analysisSteps:
        processed.status === 'rejected'
          ? []
          : analysisStepsOf(item.kind, this.config.intel.ocr.enabled),
    };
    await this.dataSource.transaction(async (manager) => {
      // Two deliveries may both get this far; the one that finishes first writes the event.
      if (!(await this.evidence.finish(manager, id, outcome))) return;
      if (outcome.status === 'rejected') await this.orderRecords.deleteOfEvidence(manager, id);
      await this.writer.apply(
        manager,
        await this.caseRows.lock(manager, item.caseId),
        {
          kind: 'evidence_finished',
          evidenceId: id,
          evidenceKind: item.kind,
          status: outcome.status === 'rejected' ? 'rejected' : 'processed',
          reason: outcome.error ?? undefined,
          orderRows: outcome.orderSummary
            ? {
                orderRows: outcome.orderSummary.orderRows,
                badRows: outcome.orderSummary.badRows,
              }
            : undefined,
        },
        null,
      );
    });
  }

  /** Faults of the file are final (the item is rejected); anything else throws, so the job retries. */
  private outcomeOf(item: EvidenceEntity): Promise<Outcome> {
    switch (item.kind) {
      case 'chat_screenshot':
        return this.screenshotOutcome(item);
      case 'order_export':
        return this.orders.import(item);
      case 'chat_log':
        return this.chatLogOutcome(item);
      default:
        // Recordings and PDFs are kept and hashed as they are.
        return Promise.resolve({ status: 'processed' });
    }
  }

  private async screenshotOutcome(item: EvidenceEntity): Promise<Outcome> {
    const bytes = await buffer(await this.store.read(item.sha256));
    try {
      const image = await processImage(bytes, this.config.evidence.maxImagePixels);
      await this.store.putDerived(item.sha256, 'preview', image.preview);
      await this.store.putDerived(item.sha256, 'thumbnail', image.thumbnail);
      return {
        status: 'processed',
        width: image.width,
        height: image.height,
        perceptualHash: image.perceptualHash,
        camera: image.camera,
        gps: image.gps,
      };
    } catch (error) {
      if (error instanceof ImageRejected) return { status: 'rejected', error: error.message };
      throw error;
    }
  }

  /** The text is kept for the jobs that look for identifiers in it. */
  private async chatLogOutcome(item: EvidenceEntity): Promise<Outcome> {
    return { status: 'processed', textContent: await readText(await this.store.read(item.sha256)) };
  }
}
