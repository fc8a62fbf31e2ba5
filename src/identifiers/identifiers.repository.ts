import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type NormalizedIdentifier, uniqueIdentifiers } from './normalize-identifier';

/** The one row per handle that every case and every job names. */
@Injectable()
export class IdentifiersRepository {
  /**
   * Creates each identifier row the first time anything names it. Sorted, so two filings naming
   * the same new identifiers wait on each other in one order and cannot deadlock. DO NOTHING
   * rather than a no-op update, which would lock known identifiers against every other filing
   * naming the same offender until this one commits.
   */
  async insertMissing(manager: EntityManager, identifiers: NormalizedIdentifier[]): Promise<void> {
    const unique = uniqueIdentifiers(identifiers);
    if (unique.length === 0) return;
    await manager.query(
      `INSERT INTO identifiers (kind, scope, value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1, 2, 3
       ON CONFLICT (kind, scope, value) DO NOTHING`,
      [
        unique.map((identifier) => identifier.kind),
        unique.map((identifier) => identifier.scope),
        unique.map((identifier) => identifier.value),
      ],
    );
  }
}
