import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface EvidenceText {
  caseId: string;
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
      sha256: string;
      kind: string;
      text: string | null;
    }[] = await this.dataSource.query(
      `SELECT case_id::text, sha256, kind,
              CASE kind WHEN 'chat_log' THEN text_content ELSE ocr_text END AS text
       FROM evidence
       WHERE id = $1 AND status = 'processed' AND kind IN ('chat_screenshot', 'chat_log')`,
      [evidenceId],
    );
    return row && { caseId: row.case_id, sha256: row.sha256, kind: row.kind, text: row.text };
  }
}
