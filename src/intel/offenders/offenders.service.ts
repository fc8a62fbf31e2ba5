import type { AuthUser } from '../../auth/auth-user';
import { PLATFORM, requireAccess } from '../../auth/access-policy';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { normalizeIdentifier } from '../../identifiers/normalize-identifier';
import { ProblemException, ValidationProblem } from '../../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OffenderLinkerService } from '../linking/offender-linker.service';
import {
  ExcludedIdentifierQueryDto,
  IdentifierLookupQueryDto,
  OffenderListQueryDto,
} from './offender-query.dto';
import { OffenderReadsRepository } from './offender-reads.repository';
import {
  toOffenderCaseView,
  toOffenderIdentifierView,
  toOffenderSummaryView,
} from './offender-views';
import type {
  ExcludedIdentifierPageView,
  IdentifierLookupView,
  OffenderPageView,
  OffenderSummaryView,
  OffenderView,
} from './offender.view';
import { encodeScoreCursor, requireScoreCursor, COUNTS, RISK_SCORES } from './score-cursor';

/** What moderators see of offenders, and the corrections they make to linking. */
@Injectable()
export class OffendersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reads: OffenderReadsRepository,
    private readonly linker: OffenderLinkerService,
  ) {}

  async list(caller: AuthUser, query: OffenderListQueryDto): Promise<OffenderPageView> {
    requireAccess(caller, 'offender.read', PLATFORM);
    const rows = await this.reads.list({
      minSellers: query.minSellers,
      kind: query.kind,
      valuePrefix: query.q?.trim().toLowerCase(),
      after: requireScoreCursor(query.cursor, RISK_SCORES),
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toOffenderSummaryView),
      nextCursor:
        rows.length > query.limit
          ? encodeScoreCursor({ score: last.risk_score, id: last.id })
          : null,
    };
  }

  async get(caller: AuthUser, id: string): Promise<OffenderView> {
    requireAccess(caller, 'offender.read', PLATFORM);
    const row = await this.reads.find(id);
    if (!row) throw new NotFoundException('No such offender.');
    const [identifiers, cases] = await Promise.all([
      this.reads.identifiersOf(id),
      this.reads.casesOf(id),
    ]);
    return {
      ...toOffenderSummaryView(row),
      identifiers: identifiers.map(toOffenderIdentifierView),
      cases: cases.map(toOffenderCaseView),
    };
  }

  /** The offenders a case names, riskiest first. */
  async ofCase(caller: AuthUser, caseId: string): Promise<OffenderSummaryView[]> {
    requireAccess(caller, 'offender.read', PLATFORM);
    return (await this.reads.ofCase(caseId)).map(toOffenderSummaryView);
  }

  /** The offender a handle belongs to, normalised as a filing would normalise it. */
  async lookup(caller: AuthUser, query: IdentifierLookupQueryDto): Promise<IdentifierLookupView> {
    requireAccess(caller, 'identifier.read', PLATFORM);
    const normalized = normalizeIdentifier(query, {
      defaultRegion: this.config.cases.phoneDefaultRegion,
    });
    if (!normalized.ok) {
      throw new ProblemException(422, 'The value is not a valid identifier of that kind.', [
        { field: normalized.field, message: normalized.message },
      ]);
    }
    const identifier = await this.reads.findIdentifier(normalized.identifier);
    if (!identifier) throw new NotFoundException('No report names this identifier.');
    const offender = identifier.offender_id
      ? await this.reads.find(identifier.offender_id)
      : undefined;
    return {
      identifier: toOffenderIdentifierView(identifier),
      excluded: identifier.excluded,
      offender: offender ? toOffenderSummaryView(offender) : null,
    };
  }

  /** Hubs and handles marked as identifying nobody: what linking passes over, for review. */
  async listExcluded(
    caller: AuthUser,
    query: ExcludedIdentifierQueryDto,
  ): Promise<ExcludedIdentifierPageView> {
    requireAccess(caller, 'identifier.read', PLATFORM);
    const after = requireScoreCursor(query.cursor, COUNTS);
    if (after && !Number.isSafeInteger(after.score)) {
      throw new ValidationProblem([{ field: 'cursor', message: 'is not a valid cursor' }]);
    }
    const rows = await this.reads.listExcluded({
      reason: query.reason,
      after,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({ ...toOffenderIdentifierView(row), excluded: row.excluded! })),
      nextCursor:
        rows.length > query.limit
          ? encodeScoreCursor({ score: last.party_count, id: last.id })
          : null,
    };
  }

  /** A moderator says a handle identifies nobody (a shop's own number): it stops linking. */
  async markNotIdentifying(caller: AuthUser, identifierId: string): Promise<void> {
    requireAccess(caller, 'identifier.review', PLATFORM);
    const found = await this.reads.identifierById(identifierId);
    if (!found) throw new NotFoundException('No such identifier.');
    await this.linker.exclude(identifierId, 'not_identifying');
  }
}
