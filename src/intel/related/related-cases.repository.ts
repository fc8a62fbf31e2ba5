import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RelatedReasonView } from './related-case.view';

export interface RelatedCaseRow {
  id: string;
  reference: string;
  seller_id: string;
  type: string;
  status: string;
  outcome: string | null;
  created_at: Date;
  reasons: RelatedReasonView[];
}

/** Every way another case is tied to one case, gathered in one statement. */
@Injectable()
export class RelatedCasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Links through the offender clusters of the case's identifiers, the identifiers themselves
   * (order ids included: they link cases, not people; hubs and handles marked as identifying
   * nobody left out), near-duplicate screenshots, and campaigns that both cases' order records
   * took part in.
   */
  async relatedTo(caseId: string, limit: number): Promise<RelatedCaseRow[]> {
    return this.dataSource.query(
      `WITH own AS (
         SELECT DISTINCT s.identifier_id FROM sightings s
         WHERE s.case_id = $1 AND s.status <> 'rejected'
       ), own_offenders AS (
         SELECT DISTINCT m.offender_id FROM own JOIN offender_members m USING (identifier_id)
         WHERE m.offender_id IS NOT NULL
       ), reasons AS (
         SELECT DISTINCT s.case_id, jsonb_build_object('reason', 'same_offender',
                'offenderId', m.offender_id) AS reason
         FROM own_offenders o
         JOIN offender_members m ON m.offender_id = o.offender_id
         JOIN sightings s ON s.identifier_id = m.identifier_id
          AND s.status <> 'rejected' AND s.link_group IS NOT NULL
         UNION
         SELECT DISTINCT s.case_id, jsonb_build_object('reason', 'shared_identifier',
                'kind', i.kind, 'value', i.value)
         FROM own
         JOIN identifiers i ON i.id = own.identifier_id
         JOIN sightings s ON s.identifier_id = own.identifier_id AND s.status <> 'rejected'
         WHERE NOT EXISTS (SELECT 1 FROM offender_members m
                           WHERE m.identifier_id = own.identifier_id AND m.excluded IS NOT NULL)
         UNION
         SELECT CASE WHEN case_id = $1 THEN other_case_id ELSE case_id END,
                jsonb_build_object('reason', 'similar_screenshot',
                  'evidenceId', CASE WHEN case_id = $1 THEN evidence_id ELSE other_evidence_id END,
                  'otherEvidenceId', CASE WHEN case_id = $1 THEN other_evidence_id ELSE evidence_id END,
                  'distance', distance)
         FROM screenshot_matches WHERE case_id = $1 OR other_case_id = $1
         UNION
         SELECT DISTINCT other.case_id, jsonb_build_object('reason', 'same_campaign',
                'campaignId', campaign_id)
         FROM campaign_cases mine JOIN campaign_cases other USING (campaign_id)
         WHERE mine.case_id = $1
       )
       SELECT c.id::text, c.reference, c.seller_id::text, c.type, c.status, c.outcome,
              c.created_at, jsonb_agg(r.reason ORDER BY r.reason->>'reason') AS reasons
       FROM reasons r JOIN cases c ON c.id = r.case_id
       WHERE r.case_id <> $1
       GROUP BY c.id
       ORDER BY count(*) DESC, c.created_at DESC, c.id
       LIMIT $2`,
      [caseId, limit],
    );
  }
}
