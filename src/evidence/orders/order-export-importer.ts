import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { EvidenceEntity } from '../evidence.entity';
import { EVIDENCE_STORE, EvidenceStore } from '../store/evidence-store';
import { openOrderExport } from './open-order-export';
import type { OrderRecordDraft } from './order-export';
import { OrderExportRejected } from './order-export-rejected';
import type { OrderExportSummary } from './order-export-summary';
import { OrderRecordsRepository } from './order-records.repository';

const BATCH_ROWS = 1000;
const BAD_ROW_SAMPLES = 20;

export type OrderImport =
  { status: 'processed'; orderSummary: OrderExportSummary } | { status: 'rejected'; error: string };

/**
 * Reads an order export into order records, in batches that each commit on their own and may be
 * written twice; the caller decides the item's outcome and, if rejected, forgets the rows.
 */
@Injectable()
export class OrderExportImporter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly records: OrderRecordsRepository,
  ) {}

  import(evidence: EvidenceEntity): Promise<OrderImport> {
    return this.store.withLocalFile(evidence.sha256, async (path) => {
      try {
        return { status: 'processed', orderSummary: await this.read(evidence, path) };
      } catch (error) {
        if (error instanceof OrderExportRejected)
          return { status: 'rejected', error: error.message };
        throw error;
      }
    });
  }

  private async read(evidence: EvidenceEntity, path: string): Promise<OrderExportSummary> {
    const opened = await openOrderExport(path, evidence.mediaType, {
      maxRows: this.config.evidence.maxOrderRows,
      maxUncompressedBytes: this.config.evidence.maxXlsxBytes,
      localUtcOffset: this.config.cases.localUtcOffset,
    });
    const summary: OrderExportSummary = {
      layout: opened.layout,
      orderRows: 0,
      badRows: 0,
      badRowSamples: [],
    };
    let batch: OrderRecordDraft[] = [];
    for await (const row of opened.rows) {
      if (!row.ok) {
        summary.badRows += 1;
        if (summary.badRowSamples.length < BAD_ROW_SAMPLES) {
          summary.badRowSamples.push({ row: row.rowNumber, reason: row.reason });
        }
        continue;
      }
      summary.orderRows += 1;
      batch.push(row.record);
      if (batch.length === BATCH_ROWS) {
        await this.records.insertBatch(this.dataSource.manager, evidence, batch);
        batch = [];
      }
    }
    await this.records.insertBatch(this.dataSource.manager, evidence, batch);
    return summary;
  }
}
