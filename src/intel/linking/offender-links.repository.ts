import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExclusionReason } from '../offenders/offender-member.entity';

/** Any fixed number: every linking transaction holds this lock, so they apply one at a time. */
const LINKING_LOCK_KEY = 0x6c696e6b;

export interface GroupMember {
  group: string;
  identifierId: string;
}

/** The SQL of linking: identifiers into offender clusters, by the groups of their sightings. */
@Injectable()
export class OffenderLinksRepository {
  /**
   * Linking transactions take turns. Each is a few small statements whose cost grows with the
   * case's own identifiers and the clusters they touch, so turns are short; in exchange no two
   * merges can interleave, whatever the number of workers.
   */
  async takeTurn(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [LINKING_LOCK_KEY]);
  }

  /**
   * Counts each identifier's link groups again, from its sightings; those past `hubLimit` become
   * hubs. Returns the clusters the new hubs leave, which must be split again.
   */
  async recountGroups(
    manager: EntityManager,
    identifierIds: string[],
    hubLimit: number,
  ): Promise<string[]> {
    await manager.query(
      `INSERT INTO offender_members (identifier_id) SELECT unnest($1::uuid[]) ORDER BY 1
       ON CONFLICT DO NOTHING`,
      [identifierIds],
    );
    const left: { offender_id: string | null }[] = await manager.query(
      `WITH counted AS (
         SELECT m.identifier_id,
                (SELECT count(DISTINCT s.link_group) FROM sightings s
                 WHERE s.identifier_id = m.identifier_id AND s.link_group IS NOT NULL
                   AND s.status <> 'rejected') AS groups
         FROM offender_members m
         WHERE m.identifier_id = ANY($1::uuid[]) AND m.excluded IS NULL
       ), updated AS (
         UPDATE offender_members m
         SET party_count = counted.groups,
             excluded = CASE WHEN counted.groups > $2 THEN 'hub' END,
             offender_id = CASE WHEN counted.groups > $2 THEN NULL ELSE m.offender_id END
         FROM counted, offender_members before
         WHERE m.identifier_id = counted.identifier_id AND before.identifier_id = m.identifier_id
         RETURNING m.excluded, before.offender_id
       )
       SELECT DISTINCT offender_id FROM updated WHERE excluded = 'hub'`,
      [identifierIds, hubLimit],
    );
    return left.flatMap((row) => (row.offender_id ? [row.offender_id] : []));
  }

  /**
   * A hub whose unrejected sightings now name at most `hubLimit` groups stops being one; true
   * when it did. Any other identifier is left as it is.
   */
  async unhubIfWithin(
    manager: EntityManager,
    identifierId: string,
    hubLimit: number,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH counted AS (
         SELECT count(DISTINCT link_group)::int AS groups FROM sightings
         WHERE identifier_id = $1 AND link_group IS NOT NULL AND status <> 'rejected'
       ), unhubbed AS (
         UPDATE offender_members m SET excluded = NULL, party_count = counted.groups
         FROM counted
         WHERE m.identifier_id = $1 AND m.excluded = 'hub' AND counted.groups <= $2
         RETURNING 1
       ) SELECT * FROM unhubbed`,
      [identifierId, hubLimit],
    );
    return rows.length > 0;
  }

  /** The groups an identifier's unrejected sightings link it through. */
  async groupsOfIdentifier(manager: EntityManager, identifierId: string): Promise<string[]> {
    const rows: { link_group: string }[] = await manager.query(
      `SELECT DISTINCT link_group FROM sightings
       WHERE identifier_id = $1 AND link_group IS NOT NULL AND status <> 'rejected'`,
      [identifierId],
    );
    return rows.map((row) => row.link_group);
  }

  /** The clusters the case's sightings belong to now. */
  async offendersOfCase(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows: { offender_id: string }[] = await manager.query(
      `SELECT DISTINCT m.offender_id::text FROM sightings s
       JOIN offender_members m ON m.identifier_id = s.identifier_id
       WHERE s.case_id = $1 AND m.offender_id IS NOT NULL`,
      [caseId],
    );
    return rows.map((row) => row.offender_id);
  }

  /** The linkable identifiers of each group: members not excluded, from unrejected sightings. */
  async membersOfGroups(manager: EntityManager, groups: string[]): Promise<GroupMember[]> {
    const rows: { link_group: string; identifier_id: string }[] = await manager.query(
      `SELECT DISTINCT s.link_group, s.identifier_id::text
       FROM sightings s JOIN offender_members m ON m.identifier_id = s.identifier_id
       WHERE s.link_group = ANY($1::text[]) AND s.status <> 'rejected' AND m.excluded IS NULL`,
      [groups],
    );
    return rows.map((row) => ({ group: row.link_group, identifierId: row.identifier_id }));
  }

  /** Each identifier's cluster; identifiers still in none get a cluster of their own first. */
  async clustersOf(manager: EntityManager, identifierIds: string[]): Promise<Map<string, string>> {
    await manager.query(
      `WITH lonely AS (
         SELECT identifier_id FROM offender_members
         WHERE identifier_id = ANY($1::uuid[]) AND offender_id IS NULL AND excluded IS NULL
       ), created AS (
         INSERT INTO offenders (member_count) SELECT 1 FROM lonely RETURNING id
       ), paired AS (
         SELECT l.identifier_id, c.id
         FROM (SELECT identifier_id, row_number() OVER () AS n FROM lonely) l
         JOIN (SELECT id, row_number() OVER () AS n FROM created) c USING (n)
       )
       UPDATE offender_members m SET offender_id = paired.id
       FROM paired WHERE m.identifier_id = paired.identifier_id`,
      [identifierIds],
    );
    const rows: { identifier_id: string; offender_id: string }[] = await manager.query(
      `SELECT identifier_id::text, offender_id::text FROM offender_members
       WHERE identifier_id = ANY($1::uuid[]) AND offender_id IS NOT NULL`,
      [identifierIds],
    );
    return new Map(rows.map((row) => [row.identifier_id, row.offender_id]));
  }

  /**
   * Merges clusters into the largest (union by size): only the smaller clusters' members are
   * rewritten. Between equals a flagged cluster survives, so an offender moderators were told
   * about keeps its id where size allows. Returns the surviving cluster.
   */
  async merge(manager: EntityManager, offenderIds: string[]): Promise<string> {
    const sizes: { id: string; member_count: number }[] = await manager.query(
      `SELECT id::text, member_count FROM offenders WHERE id = ANY($1::uuid[])
       ORDER BY member_count DESC, flagged_at IS NOT NULL DESC, id`,
      [offenderIds],
    );
    const [survivor, ...absorbed] = sizes;
    if (absorbed.length === 0) return survivor.id;
    const absorbedIds = absorbed.map((row) => row.id);
    await manager.query(
      'UPDATE offender_members SET offender_id = $1 WHERE offender_id = ANY($2::uuid[])',
      [survivor.id, absorbedIds],
    );
    await manager.query(
      `UPDATE offenders SET member_count = member_count + $2, updated_at = now() WHERE id = $1`,
      [survivor.id, absorbed.reduce((sum, row) => sum + row.member_count, 0)],
    );
    await this.inheritFlags(manager, survivor.id, absorbedIds);
    await manager.query('DELETE FROM offenders WHERE id = ANY($1::uuid[])', [absorbedIds]);
    return survivor.id;
  }

  /** A cluster's linkable members with the groups they share, to split it again. */
  async groupsOfCluster(manager: EntityManager, offenderId: string): Promise<GroupMember[]> {
    const rows: { link_group: string; identifier_id: string }[] = await manager.query(
      `SELECT DISTINCT s.link_group, m.identifier_id::text
       FROM offender_members m
       JOIN sightings s ON s.identifier_id = m.identifier_id
        AND s.link_group IS NOT NULL AND s.status <> 'rejected'
       WHERE m.offender_id = $1 AND m.excluded IS NULL`,
      [offenderId],
    );
    return rows.map((row) => ({ group: row.link_group, identifierId: row.identifier_id }));
  }

  /**
   * Moves `identifierIds` out of their cluster into a new one; returns the new cluster. It starts
   * unflagged: a new offender id is announced by its own offender.flagged when it is a repeat one.
   */
  async splitOff(manager: EntityManager, from: string, identifierIds: string[]): Promise<string> {
    const [created]: { id: string }[] = await manager.query(
      `INSERT INTO offenders (member_count) SELECT $2 FROM offenders WHERE id = $1
       RETURNING id::text`,
      [from, identifierIds.length],
    );
    await manager.query(
      'UPDATE offender_members SET offender_id = $1 WHERE identifier_id = ANY($2::uuid[])',
      [created.id, identifierIds],
    );
    return created.id;
  }

  /** Members left with no unrejected sighting link nothing: they leave the cluster. */
  async detachUnlinked(manager: EntityManager, offenderId: string): Promise<void> {
    await manager.query(
      `UPDATE offender_members m SET offender_id = NULL
       WHERE m.offender_id = $1 AND NOT EXISTS (
         SELECT 1 FROM sightings s WHERE s.identifier_id = m.identifier_id
           AND s.link_group IS NOT NULL AND s.status <> 'rejected')`,
      [offenderId],
    );
  }

  /**
   * Sets clusters' sizes from their members, after a split moved some, and deletes those left
   * empty. Returns the clusters that remain.
   */
  async recountMembers(manager: EntityManager, offenderIds: string[]): Promise<string[]> {
    await manager.query(
      `UPDATE offenders o SET member_count =
         (SELECT count(*) FROM offender_members m WHERE m.offender_id = o.id), updated_at = now()
       WHERE o.id = ANY($1::uuid[])`,
      [offenderIds],
    );
    const emptied: { id: string }[] = await manager.query(
      `WITH emptied AS (
         DELETE FROM offenders WHERE id = ANY($1::uuid[]) AND member_count = 0 RETURNING id
       ) SELECT id::text FROM emptied`,
      [offenderIds],
    );
    const gone = new Set(emptied.map((row) => row.id));
    return offenderIds.filter((id) => !gone.has(id));
  }

  /** Takes an identifier out of linking; returns the cluster it leaves, to be split again. */
  async exclude(
    manager: EntityManager,
    identifierId: string,
    reason: ExclusionReason,
  ): Promise<string | null> {
    // An identifier no linking job has reached yet has no row: it gets one, excluded already.
    const [row]: { offender_id: string | null }[] = await manager.query(
      `WITH before AS (
         SELECT offender_id FROM offender_members WHERE identifier_id = $1
       ), excluded AS (
         INSERT INTO offender_members (identifier_id, excluded) VALUES ($1, $2)
         ON CONFLICT (identifier_id) DO UPDATE SET excluded = $2, offender_id = NULL
         RETURNING identifier_id
       ) SELECT (SELECT offender_id::text FROM before) AS offender_id FROM excluded`,
      [identifierId, reason],
    );
    return row?.offender_id ?? null;
  }

  /** An absorbed cluster that was already flagged keeps its cases from being raised again. */
  private async inheritFlags(
    manager: EntityManager,
    survivor: string,
    absorbed: string[],
  ): Promise<void> {
    await manager.query(
      `UPDATE offenders SET flagged_at = least(flagged_at,
         (SELECT min(flagged_at) FROM offenders WHERE id = ANY($2::uuid[])))
       WHERE id = $1 AND EXISTS (SELECT 1 FROM offenders WHERE id = ANY($2::uuid[]) AND flagged_at IS NOT NULL)`,
      [survivor, absorbed],
    );
  }
}
