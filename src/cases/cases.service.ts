import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toUserView } from '../accounts/user.view';
import type { AmendCaseDto } from './case-correction.dto';
import { UsersRepository } from '../accounts/users.repository';
import { AccessAction, allows, caseSubject, PLATFORM, requireAccess } from '../auth/access-policy';
import type { Caller } from '../auth/api-key-caller';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { toPage } from '../common/pagination/cursor';
import { requireCursor } from '../common/pagination/page-cursor';
import { IdempotencyService, Outcome } from '../common/idempotency/idempotency.service';
import { ProblemException } from '../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GuidanceService } from '../guidance/guidance.service';
import { CaseListQueryDto } from './case-body.dto';
import { CaseEvidenceSummaryRepository } from './case-evidence-summary.repository';
import { normalizeCaseInput, NormalizedCase } from './case-input';
import { CasePartiesRepository } from './case-parties.repository';
import { IdentifiersRepository } from '../identifiers/identifiers.repository';
import { NewSighting, SightingsRepository } from '../identifiers/sightings.repository';
import { parseCaseReference } from './case-reference';
import { serviceLevelDue } from './service-level-due';
import { CaseWriter } from './case-writer';
import type { LockedCase } from './locked-case';
import { caseEtag, toCaseSummaryView, toCaseView, toServiceLevelView } from './case-views';
import { CreateCaseDto } from './case.dto';
import { CaseEntity } from './case.entity';
import {
  AssignmentView,
  CasePageView,
  CaseSellerView,
  CaseStatusView,
  CaseView,
  CreatedCaseView,
  EvidenceSummaryView,
} from './case.view';
import { CasesRepository } from './cases.repository';

export type FieldRenamer = (field: string) => string;

/** Work that joins a new case's transaction, such as evidence sent in the filing form. */
export interface CaseAttachment {
  /** What else, besides the body, makes a retry under one Idempotency-Key the same request. */
  fingerprint: unknown;
  attach(manager: EntityManager, kase: LockedCase): Promise<EvidenceSummaryView[]>;
}

@Injectable()
export class CasesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesRepository,
    private readonly parties: CasePartiesRepository,
    private readonly identifiers: IdentifiersRepository,
    private readonly sightings: SightingsRepository,
    private readonly writer: CaseWriter,
    private readonly users: UsersRepository,
    private readonly idempotency: IdempotencyService,
    private readonly guidance: GuidanceService,
    private readonly evidenceSummaries: CaseEvidenceSummaryRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Files a case: the row, its parties and sightings, its first event and its outbox row commit
   * together, with whatever the attachment adds. `renameField` maps error fields back to the
   * names the client sent (form fields). The attachment is made only once the case's own fields
   * are accepted, so a refused filing stores none of its files.
   */
  async create(
    seller: AuthUser,
    dto: CreateCaseDto,
    idempotencyKey: string | undefined,
    renameField: FieldRenamer = (field) => field,
    prepareAttachment?: () => Promise<CaseAttachment>,
  ): Promise<Outcome<CreatedCaseView>> {
    const input = normalizeCaseInput(dto, {
      now: new Date(),
      defaultRegion: this.config.cases.phoneDefaultRegion,
    });
    if (!input.ok) {
      throw new ProblemException(
        422,
        'Some fields cannot be accepted; see errors.',
        input.errors.map((error) => ({ ...error, field: renameField(error.field) })),
      );
    }
    const attachment = await prepareAttachment?.();
    return this.idempotency.run(
      {
        owner: seller.id,
        key: idempotencyKey,
        operation: 'POST /v1/cases',
        payload: attachment ? { dto, attachment: attachment.fingerprint } : dto,
      },
      201,
      (manager) => this.insertCase(manager, seller, input.value, attachment),
    );
  }

  private async insertCase(
    manager: EntityManager,
    seller: AuthUser,
    input: NormalizedCase,
    attachment: CaseAttachment | undefined,
  ): Promise<CreatedCaseView> {
    const { kase } = await this.writer.create(
      manager,
      {
        sellerId: seller.id,
        type: input.type,
        platform: input.platform,
        title: input.title,
        description: input.description,
        incidentAt: input.incidentAt,
        orderIds: input.orderIds.map((identifier) => identifier.value),
        amountDemanded: input.amountDemanded?.amount ?? null,
        amountPaid: input.amountPaid?.amount ?? null,
        currency: input.amountDemanded?.currency ?? input.amountPaid?.currency ?? null,
        demandChannel: input.demandChannel,
        payeeProvider: input.payeeAccount
          ? (input.payeeAccount.scope as CaseEntity['payeeProvider'])
          : null,
        payeeAccount: input.payeeAccount?.value ?? null,
        payeeDisplay: input.payeeAccount?.display ?? null,
        demandDeadline: input.demandDeadline,
        ...serviceLevelDue(
          this.clock.now(),
          this.config.moderation.slaHours[input.type],
          input.demandDeadline,
        ),
      },
      seller.id,
    );
    const partyIds = input.reported.map(() => randomUUID());
    const sightings: NewSighting[] = [
      ...input.reported.flatMap((party, index) =>
        party.identifiers.map((identifier) => ({
          partyId: partyIds[index],
          identifier,
          source: 'seller' as const,
        })),
      ),
      ...input.orderIds.map((identifier) => ({
        partyId: null,
        identifier,
        source: 'seller' as const,
      })),
      ...(input.payeeAccount
        ? [{ partyId: null, identifier: input.payeeAccount, source: 'seller' as const }]
        : []),
    ];
    await this.identifiers.insertMissing(
      manager,
      sightings.map((sighting) => sighting.identifier),
    );
    await this.parties.insertParties(manager, kase.id, partyIds);
    await this.sightings.insertTyped(manager, kase.id, sightings);
    const evidence = attachment ? await attachment.attach(manager, kase) : [];
    const analysis =
      evidence.length > 0
        ? await this.evidenceSummaries.analysisOfCase(kase.id, manager)
        : { pending: 0, done: 0, analysedAt: null };
    const stored = sightings.map((sighting) => ({
      partyId: sighting.partyId,
      kind: sighting.identifier.kind,
      scope: sighting.identifier.scope,
      value: sighting.identifier.value,
      display: sighting.identifier.display,
    }));
    return {
      ...toCaseView(
        kase,
        partyIds,
        stored,
        evidence,
        analysis,
        this.config.moderation.appealWindowDays,
      ),
      guidance: this.guidance.forPlatform(kase.platform, kase.type),
    };
  }

  async list(caller: AuthUser, query: CaseListQueryDto): Promise<CasePageView> {
    const staff = allows(caller, 'case.read', PLATFORM);
    const rows = await this.cases.list({
      sellerId: staff ? undefined : caller.id,
      status: query.status,
      type: query.type,
      text: query.q,
      after: requireCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(
      rows,
      query.limit,
      (row) => ({ at: row.createdAt, id: row.id }),
      (row) =>
        staff ? { ...toCaseSummaryView(row), priority: row.priority } : toCaseSummaryView(row),
    );
  }

  async get(caller: AuthUser, idOrReference: string): Promise<{ view: CaseView; etag: string }> {
    const kase = await this.require(caller, 'case.read', idOrReference);
    const view = await this.viewOf(kase);
    if (allows(caller, 'case.read-internal', caseSubject(kase))) {
      view.priority = kase.priority;
      view.seller = await this.sellerOf(kase);
      view.assignment = await this.assignmentOf(kase);
      view.serviceLevel = toServiceLevelView(kase, this.clock.now());
      view.mergedInto = kase.mergedInto;
      view.likelyDuplicate = kase.likelyDuplicateOf
        ? {
            of: kase.likelyDuplicateOf,
            markedSeparateAt: kase.markedSeparateAt?.toISOString() ?? null,
          }
        : null;
    }
    return { view, etag: caseEtag(kase) };
  }

  /** The status an integration polls: API keys with cases:read, the owner, moderators. */
  async status(
    caller: Caller,
    idOrReference: string,
  ): Promise<{ view: CaseStatusView; etag: string }> {
    const kase = await this.require(caller, 'case.read-status', idOrReference);
    return {
      view: {
        id: kase.id,
        reference: kase.reference,
        status: kase.status,
        outcome: kase.outcome,
        updatedAt: kase.updatedAt.toISOString(),
      },
      etag: caseEtag(kase),
    };
  }

  /** The seller takes the case back; allowed until it is resolved. */
  async withdraw(seller: AuthUser, idOrReference: string): Promise<CaseView> {
    const found = await this.require(seller, 'case.withdraw', idOrReference);
    const kase = await this.cases.lockAndRun(found.id, async (manager, locked) => {
      const written = await this.writer.apply(
        manager,
        locked,
        { kind: 'moved', move: 'withdraw' },
        seller.id,
      );
      return written.kase;
    });
    return this.viewOf(kase);
  }

  /** The seller corrects the title or description; the timeline keeps what they replaced. */
  async amend(seller: AuthUser, idOrReference: string, dto: AmendCaseDto): Promise<CaseView> {
    if (dto.title === undefined && dto.description === undefined) {
      throw new ProblemException(422, 'Nothing to amend: give a title or a description.', [
        { field: 'title', message: 'or description must be given' },
      ]);
    }
    const found = await this.require(seller, 'case.amend', idOrReference);
    const kase = await this.cases.lockAndRun(found.id, async (manager, locked) => {
      const written = await this.writer.apply(
        manager,
        locked,
        { kind: 'amended', title: dto.title, description: dto.description },
        seller.id,
      );
      return written.kase;
    });
    return this.viewOf(kase);
  }

  /**
   * The case, by id or reference, if the caller may take `action` on it; 404 when it does not
   * exist or the caller may not know of it, so references cannot be probed; 403 when the caller
   * may see it but not do that.
   */
  async require(caller: Caller, action: AccessAction, idOrReference: string): Promise<CaseEntity> {
    const kase = await this.findByIdOrReference(idOrReference);
    requireAccess(caller, action, caseSubject(kase));
    return kase as CaseEntity;
  }

  private async findByIdOrReference(idOrReference: string): Promise<CaseEntity | null> {
    // Any 8-4-4-4-12 hex, as PostgreSQL's uuid takes: ids made elsewhere need not be RFC 4122's.
    if (isUUID(idOrReference, 'loose')) return this.cases.findById(idOrReference.toLowerCase());
    const reference = parseCaseReference(idOrReference);
    return reference ? this.cases.findByReference(reference) : null;
  }

  private async viewOf(kase: CaseEntity): Promise<CaseView> {
    const [{ partyIds, sightings }, evidence, analysis] = await Promise.all([
      this.parties.findOfCase(kase.id),
      this.evidenceSummaries.listOfCase(kase.id),
      this.evidenceSummaries.analysisOfCase(kase.id),
    ]);
    return toCaseView(
      kase,
      partyIds,
      sightings,
      evidence,
      analysis,
      this.config.moderation.appealWindowDays,
    );
  }

  private async assignmentOf(kase: CaseEntity): Promise<AssignmentView | null> {
    const assignee = kase.assigneeId ? await this.users.findById(kase.assigneeId) : null;
    if (!assignee) return null;
    return {
      assignee: { id: assignee.id, displayName: assignee.displayName },
      claimExpiresAt: kase.claimExpiresAt?.toISOString() ?? null,
    };
  }

  private async sellerOf(kase: CaseEntity): Promise<CaseSellerView | undefined> {
    const seller = await this.users.findById(kase.sellerId);
    if (!seller) return undefined;
    const { id, displayName, shop } = toUserView(seller);
    return { id, displayName, shop };
  }
}
