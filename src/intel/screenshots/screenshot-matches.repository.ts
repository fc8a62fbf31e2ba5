import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ScreenshotToMatch {
  id: string;
  caseId: string;
  perceptualHash: string;
}

export interface MatchCandidate {
  id: string;
  caseId: string;
  perceptualHash: string;
}

/** The SQL of near-duplicate screenshots: hash bands, candidates by band, matches. */
@Injectable()
export class ScreenshotMatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A processed chat screenshot with its hash; undefined for anything else. */
  async screenshot(evidenceId: string): Promise<ScreenshotToMatch | undefined> {
    const [row]: { id: string; case_id: string; perceptual_hash: string }[] =
      await this.dataSource.query(
        `SELECT id::text, case_id::text, perceptual_hash FROM evidence
         WHERE id = $1 AND kind = 'chat_screenshot' AND status = 'processed'
           AND perceptual_hash IS NOT NULL`,
        [evidenceId],
      );
    return row && { id: row.id, caseId: row.case_id, perceptualHash: row.perceptual_hash };
  }

  /**
   * Commits the screenshot's bands on their own: of two near-duplicates matched at once, the one
   * that looks second then sees the other's bands.
   */
  async saveBands(evidenceId: string, bands: number[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO screenshot_bands (band, evidence_id) SELECT unnest($1::int[]), $2
       ON CONFLICT DO NOTHING`,
      [bands, evidenceId],
    );
  }

  /** Screenshots of other cases sharing a band: the only ones that can be near. */
  async candidates(bands: number[], caseId: string): Promise<MatchCandidate[]> {
    const rows: { id: string; case_id: string; perceptual_hash: string }[] =
      await this.dataSource.query(
        `SELECT DISTINCT e.id::text, e.case_id::text, e.perceptual_hash
         FROM screenshot_bands b JOIN evidence e ON e.id = b.evidence_id
         WHERE b.band = ANY($1::int[]) AND e.case_id <> $2 AND e.status = 'processed'`,
        [bands, caseId],
      );
    return rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      perceptualHash: row.perceptual_hash,
    }));
  }

  /** Records each pair once, the smaller evidence id first, whichever side found it. */
  async saveMatches(
    screenshot: ScreenshotToMatch,
    matches: { candidate: MatchCandidate; distance: number }[],
  ): Promise<void> {
    if (matches.length === 0) return;
    const pairs = matches.map(({ candidate, distance }) =>
      screenshot.id < candidate.id
        ? [screenshot.id, candidate.id, screenshot.caseId, candidate.caseId, distance]
        : [candidate.id, screenshot.id, candidate.caseId, screenshot.caseId, distance],
    );
    await this.dataSource.query(
      `INSERT INTO screenshot_matches (evidence_id, other_evidence_id, case_id, other_case_id, distance)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::smallint[])
       ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3, 4].map((column) => pairs.map((pair) => pair[column])),
    );
  }
}
