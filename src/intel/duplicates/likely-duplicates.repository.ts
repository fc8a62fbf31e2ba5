import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A case and what the duplicate rule reads of it. */
export interface DuplicatePeer {
  id: string;
  created_at: Date;
  likely_duplicate_of: string | null;
  marked_separate_at: Date | null;
}

export interface DuplicateNeighbourhood {
  self: DuplicatePeer;
  /** Other cases of the same shop, filed within the window either side, naming a handle it names. */
  peers: DuplicatePeer[];
}

@Injectable()
export class LikelyDuplicatesRepository {
  /**
   * The case and its peers. Handles are the people's (order ids name orders); a sighting a
   * moderator rejected names nobody; a withdrawn case or a merged duplicate is no original.
   */
  async neighbourhood(
    manager: EntityManager,
    caseId: string,
    windowHours: number,
  ): Promise<DuplicateNeighbourhood | undefined> {
    const rows: (DuplicatePeer & { is_self: boolean })[] = await manager.query(
      `WITH me AS (
         SELECT c.id, c.created_at, u.shop_id FROM cases c JOIN users u ON u.id = c.seller_id
         WHERE c.id = $1
       ), handles AS (
         SELECT DISTINCT s.identifier_id FROM sightings s
         JOIN identifiers i ON i.id = s.identifier_id
         WHERE s.case_id = $1 AND s.status <> 'rejected' AND i.kind <> 'order_id'
       ), peers AS (
         SELECT DISTINCT c.id FROM me
         JOIN users u ON u.shop_id = me.shop_id
         JOIN cases c ON c.seller_id = u.id
         JOIN sightings s ON s.case_id = c.id AND s.status <> 'rejected'
         JOIN handles h ON h.identifier_id = s.identifier_id
         WHERE c.id <> me.id AND c.status <> 'withdrawn' AND c.merged_into IS NULL
           AND c.created_at BETWEEN me.created_at - make_interval(hours => $2)
                                AND me.created_at + make_interval(hours => $2)
       )
       SELECT c.id::text, c.created_at, c.likely_duplicate_of::text, c.marked_separate_at,
              c.id = $1 AS is_self
       FROM cases c WHERE c.id = $1 OR c.id IN (SELECT id FROM peers)
       ORDER BY c.created_at, c.id`,
      [caseId, windowHours],
    );
    const self = rows.find((row) => row.is_self);
    if (!self) return undefined;
    return { self, peers: rows.filter((row) => !row.is_self) };
  }
}
