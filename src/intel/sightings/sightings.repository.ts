import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SightingStatus } from '../../cases/identifiers/sighting.entity';
import type { SightingView } from './sighting.view';

/** Sightings as moderators review them. */
@Injectable()
export class SightingsRepository {
  /** The sighting, locked until the review commits, so two reviews of it take turns. */
  async findForUpdate(manager: EntityManager, id: string): Promise<SightingView | undefined> {
    const [row]: SightingView[] = await manager.query(
      `SELECT s.id::text, s.case_id::text AS "caseId", s.evidence_id::text AS "evidenceId",
              s.identifier_id::text AS "identifierId", i.kind, i.value, s.display, s.source,
              s.confidence, s.status
       FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
       WHERE s.id = $1 FOR UPDATE OF s`,
      [id],
    );
    return row;
  }

  async setStatus(manager: EntityManager, id: string, status: SightingStatus): Promise<void> {
    await manager.query('UPDATE sightings SET status = $2 WHERE id = $1', [id, status]);
  }
}
