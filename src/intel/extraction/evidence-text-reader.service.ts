import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { PLATFORM_CURRENCY } from '../../common/platform-currency';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { EvidenceAnalysisRecorder } from '../../evidence/analysis/evidence-analysis-recorder.service';
import { foundIdentifierOf } from '../../evidence/analysis/found-identifier';
import { EVIDENCE_STORE, EvidenceStore } from '../../evidence/store/evidence-store';
import { IdentifiersRepository } from '../../identifiers/identifiers.repository';
import { SightingsRepository } from '../../identifiers/sightings.repository';
import { JobContext } from '../../jobs/job-data';
import { JobName, OutboxEvent } from '../../jobs/job-names';
import { OnJob } from '../../jobs/on-job.decorator';
import { OutboxService } from '../../jobs/outbox.service';
import { OcrService } from '../ocr/ocr.service';
import { EvidenceText, EvidenceTextRepository } from './evidence-text.repository';
import { extractAmountsDemanded } from './extract-amounts';
import { extractIdentifiers } from './extract-identifiers';

/**
 * Reads the handles and amounts in a chat screenshot (by OCR) or a chat log, and records each
 * handle as a sighting that links like a typed one, recording each step on the item as it
 * finishes. Safe to run twice: OCR text is kept, and a sighting already recorded is not recorded
 * again.
 */
@Injectable()
export class EvidenceTextReaderService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly texts: EvidenceTextRepository,
    private readonly analysis: EvidenceAnalysisRecorder,
    private readonly identifiers: IdentifiersRepository,
    private readonly sightings: SightingsRepository,
    private readonly ocr: OcrService,
    private readonly outbox: OutboxService,
  ) {}

  @OnJob(JobName.ReadEvidenceText)
  async readJob(job: JobContext<JobName.ReadEvidenceText>): Promise<void> {
    if (job.payload.kind !== 'chat_screenshot' && job.payload.kind !== 'chat_log') return;
    await this.read(job.payload.evidenceId);
  }

  async read(evidenceId: string): Promise<void> {
    const evidence = await this.texts.find(evidenceId);
    if (!evidence) return;
    const text = evidence.text ?? (await this.readScreenshot(evidenceId, evidence));
    if (text === null) return;
    const source = evidence.kind === 'chat_log' ? 'chat_log' : 'ocr';
    const found = extractIdentifiers(text, {
      defaultRegion: this.config.cases.phoneDefaultRegion,
    });
    const amounts = extractAmountsDemanded(text, {
      defaultCurrency: PLATFORM_CURRENCY[evidence.platform],
      readByOcr: source === 'ocr',
    }).map(({ amount, currency }) => ({
      amount,
      currency,
    }));
    const item = { evidenceId, caseId: evidence.caseId };
    await this.dataSource.transaction(async (manager) => {
      await this.analysis.extracted(manager, item, {
        amounts,
        identifiers: found.map(({ identifier }) => foundIdentifierOf(identifier)),
      });
      await this.identifiers.insertMissing(
        manager,
        found.map(({ identifier }) => identifier),
      );
      await this.sightings.insertExtracted(
        manager,
        evidence.caseId,
        evidenceId,
        source,
        found.map(({ identifier, confidence }) => ({ identifier, confidence })),
      );
      // Also when every identifier was a sighting of the case already: the linking run that
      // follows is what tells this item that what it showed is linked.
      if (found.length > 0) {
        await this.outbox.publish(manager, OutboxEvent.SightingsExtracted, {
          caseId: evidence.caseId,
          evidenceId,
        });
      }
    });
  }

  /** OCR of a screenshot not read yet; null when OCR is off or the item is a chat log. */
  private async readScreenshot(evidenceId: string, evidence: EvidenceText): Promise<string | null> {
    if (evidence.kind !== 'chat_screenshot' || !this.config.intel.ocr.enabled) return null;
    // The sanitised preview: upright, metadata-free, never larger than 2048 pixels a side.
    const image = await buffer(await this.store.readDerived(evidence.sha256, 'preview'));
    const { text } = await this.ocr.recognize(image);
    await this.analysis.ocrRead({ evidenceId, caseId: evidence.caseId }, text);
    return text;
  }
}
