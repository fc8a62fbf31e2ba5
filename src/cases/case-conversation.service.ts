import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { IdempotencyService, Outcome } from '../common/idempotency/idempotency.service';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import {
  BIGINT_MAX,
  INTEGER_MAX,
  requireSequenceCursor,
  toSequencePage,
} from '../common/pagination/sequence-cursor';
import { ProblemException } from '../common/problem/problem.exception';
import { allows, caseSubject } from '../auth/access-policy';
import { PostMessageDto } from './case-body.dto';
import { CaseEventEntity } from './case-event.entity';
import { CaseEventsRepository } from './case-events.repository';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import { sellerCanPost, statusAfterSellerMessage } from './case-transitions';
import { refuseUnfilledPlaceholders } from './unfilled-placeholders';
import { CaseWriter } from './case-writer';
import { CaseEventPageView, CaseEventView, MessagePageView, MessageView } from './case.view';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** Whose account ids a reader may see: staff see all; a seller only their own. */
type IdsVisible = (accountId: string | null) => boolean;

function idsVisibleTo(caller: AuthUser, staff: boolean): IdsVisible {
  return (accountId) => staff || accountId === caller.id;
}

function toMessageView(
  message: CaseMessageEntity,
  authorName: string,
  visible: IdsVisible,
): MessageView {
  return {
    id: message.id,
    caseId: message.caseId,
    author: {
      ...(visible(message.authorId) ? { id: message.authorId } : {}),
      role: message.authorRole,
      displayName: authorName,
    },
    body: message.body,
    createdAt: message.createdAt.toISOString(),
  };
}

function toEventView(event: CaseEventEntity, visible: IdsVisible): CaseEventView {
  return {
    id: event.id,
    sequence: event.caseSeq,
    kind: event.kind,
    visibility: event.visibility,
    actorId: visible(event.actorId) ? event.actorId : null,
    data: event.data,
    occurredAt: event.occurredAt.toISOString(),
  };
}

/** The conversation on a case, moderators' internal notes, and the case's timeline. */
@Injectable()
export class CaseConversationService {
  constructor(
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly messages: CaseMessagesRepository,
    private readonly events: CaseEventsRepository,
    private readonly writer: CaseWriter,
    private readonly idempotency: IdempotencyService,
  ) {}

  async listMessages(
    caller: AuthUser,
    idOrReference: string,
    query: ListQueryDto,
  ): Promise<MessagePageView> {
    const kase = await this.cases.require(caller, 'case.read', idOrReference);
    const visible = idsVisibleTo(caller, allows(caller, 'case.read-internal', caseSubject(kase)));
    const rows = await this.messages.list(
      kase.id,
      requireSequenceCursor(query.cursor, BIGINT_MAX),
      query.limit,
    );
    return toSequencePage(
      rows,
      query.limit,
      (row) => toMessageView(row, row.author?.displayName ?? '', visible),
      (row) => row.seq,
    );
  }

  /** A seller's answer to a case awaiting them hands it back to review, in the same commit. */
  async postMessage(
    caller: AuthUser,
    idOrReference: string,
    dto: PostMessageDto,
    idempotencyKey: string | undefined,
  ): Promise<Outcome<MessageView>> {
    const kase = await this.cases.require(caller, 'case.post-message', idOrReference);
    const fromStaff = allows(caller, 'case.read-internal', caseSubject(kase));
    return this.idempotency.run(
      {
        owner: caller.id,
        key: idempotencyKey,
        operation: `POST /v1/cases/${kase.id}/messages`,
        payload: dto,
      },
      201,
      async (manager) => {
        const locked = await this.caseRows.lock(manager, kase.id);
        if (fromStaff) refuseUnfilledPlaceholders(dto.body, 'body');
        if (!fromStaff && !sellerCanPost(locked.status)) {
          throw new ProblemException(
            409,
            `The case is ${locked.status}; its conversation is closed.`,
          );
        }
        const message = await this.messages.insert(manager, {
          caseId: locked.id,
          authorId: caller.id,
          authorRole: caller.role,
          body: dto.body,
        });
        const posted = await this.writer.apply(
          manager,
          locked,
          {
            kind: 'message_posted',
            messageId: message.id,
            ...(fromStaff ? { byStaff: true } : {}),
          },
          caller.id,
        );
        if (!fromStaff && statusAfterSellerMessage(posted.kase.status) !== posted.kase.status) {
          await this.writer.apply(
            manager,
            posted.kase,
            { kind: 'moved', move: 'seller_replied' },
            caller.id,
          );
        }
        return toMessageView(message, caller.user.displayName, () => true);
      },
    );
  }

  /** A moderator's note: on the timeline as an internal event, never shown to the seller. */
  async addNote(
    moderator: AuthUser,
    idOrReference: string,
    dto: PostMessageDto,
  ): Promise<CaseEventView> {
    const kase = await this.cases.require(moderator, 'case.add-note', idOrReference);
    return this.caseRows.lockAndRun(kase.id, async (manager, locked) => {
      const { event } = await this.writer.apply(
        manager,
        locked,
        { kind: 'note_added', body: dto.body },
        moderator.id,
      );
      return toEventView(event, () => true);
    });
  }

  async timeline(
    caller: AuthUser,
    idOrReference: string,
    query: ListQueryDto,
  ): Promise<CaseEventPageView> {
    const kase = await this.cases.require(caller, 'case.read', idOrReference);
    const staff = allows(caller, 'case.read-internal', caseSubject(kase));
    const rows = await this.events.list(
      kase.id,
      staff ? ['seller', 'internal'] : ['seller'],
      requireSequenceCursor(query.cursor, INTEGER_MAX),
      query.limit,
    );
    const visible = idsVisibleTo(caller, staff);
    return toSequencePage(
      rows,
      query.limit,
      (row) => toEventView(row, visible),
      (row) => row.caseSeq,
    );
  }
}
