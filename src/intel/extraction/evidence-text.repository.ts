import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Platform } from '../../common/platform';

export interface EvidenceText {
  caseId: string;
  /** The case's platform, whose currency a sum written without one is in. */
  platform: Platform;
  sha256: string;
  kind: string;
  /** A chat log's text, or what OCR already read from a screenshot; null when not read yet. */
  text: string | null;
}

/** The text of evidence that identifiers are read from. */
@Injectable()
export class EvidenceTextRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A processed chat screenshot or chat log; undefined for anything else. */
  async find(evidenceId: string): Promise<EvidenceText | undefined> {
    const [row]: {
      case_id: string;
      platform: Platform;
      sha256: string;
      kind: string;
      text: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.case_id::text, c.platform, e.sha256, e.kind,
              CASE e.kind WHEN 'chat_log' THEN e.text_content ELSE e.ocr_text END AS text
       FROM evidence e JOIN cases c ON c.id = e.case_id
       WHERE e.id = $1 AND e.status = 'processed' AND e.kind IN ('chat_screenshot', 'chat_log')`,
      [evidenceId],
    );
    return (
      row && {
        caseId: row.case_id,
        platform: row.platform,
        sha256: row.sha256,
        kind: row.kind,
        text: row.text,
      }
    );
  }
}
