import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import type { RelatedCasesView } from './related-case.view';
import { RelatedCasesRepository } from './related-cases.repository';

/** Enough for a moderator's screen; a hub of more cases is an offender's page, not a list. */
const RELATED_LIMIT = 100;

@Injectable()
export class RelatedCasesService {
  constructor(
    private readonly cases: CasesService,
    private readonly related: RelatedCasesRepository,
  ) {}

  async relatedTo(moderator: AuthUser, idOrReference: string): Promise<RelatedCasesView> {
    const kase = await this.cases.require(moderator, 'case.read-related', idOrReference);
    const rows = await this.related.relatedTo(kase.id, RELATED_LIMIT);
    return {
      items: rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        sellerId: row.seller_id,
        type: row.type,
        status: row.status,
        outcome: row.outcome,
        createdAt: row.created_at.toISOString(),
        reasons: row.reasons,
      })),
    };
  }
}
