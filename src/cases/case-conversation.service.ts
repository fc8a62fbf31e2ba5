import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { IdempotencyService, Outcome } from '../common/idempotency/idempotency.service';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { requireSequenceCursor, toSequencePage } from '../common/pagination/sequence-cursor';
import { ProblemException } from '../common/problem/problem.exception';
import { OutboxEvent } from '../jobs/job-names';
import { OutboxService } from '../jobs/outbox.service';
import { isStaff } from './case-access';
import { PostMessageDto } from './case-body.dto';
import { CaseEventEntity } from './case-event.entity';
import { CaseEventsRepository } from './case-events.repository';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import { sellerCanPost, statusAfterSellerMessage } from './case-transitions';
import { CaseEventPageView, CaseEventView, MessagePageView, MessageView } from './case.view';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

function toMessageView(message: CaseMessageEntity, authorName: string): MessageView {
  return {
    id: message.id,
    caseId: message.caseId,
    author: { id: message.authorId, role: message.authorRole, displayName: authorName },
    body: message.body,
    createdAt: message.createdAt.toISOString(),
  };
}

function toEventView(event: CaseEventEntity): CaseEventView {
  return {
    id: event.id,
    kind: event.kind,
    visibility: event.visibility,
    actorId: event.actorId,
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
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async listMessages(
    caller: AuthUser,
    idOrReference: string,
    query: ListQueryDto,
  ): Promise<MessagePageView> {
    const kase = await this.cases.requireVisible(caller, idOrReference);
    const rows = await this.messages.list(
      kase.id,
      requireSequenceCursor(query.cursor),
      query.limit,
    );
    return toSequencePage(rows, query.limit, (row) =>
      toMessageView(row, row.author?.displayName ?? ''),
    );
  }

  /** A seller's answer to a case awaiting them hands it back to review, in the same commit. */
  async postMessage(
    caller: AuthUser,
    idOrReference: string,
    dto: PostMessageDto,
    idempotencyKey: string | undefined,
  ): Promise<Outcome<MessageView>> {
    const kase = await this.cases.requireVisible(caller, idOrReference);
    return this.idempotency.run(
      {
        owner: caller.id,
        key: idempotencyKey,
        operation: `POST /v1/cases/${kase.id}/messages`,
        payload: dto,
      },
      201,
      async (manager) => {
        const locked = await this.caseRows.lockOrFail(manager, kase.id);
        if (!isStaff(caller) && !sellerCanPost(locked.status)) {
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
        await this.events.append(manager, {
          caseId: locked.id,
          actorId: caller.id,
          kind: 'message_posted',
          visibility: 'seller',
          data: { messageId: message.id },
        });
        const nextStatus = isStaff(caller)
          ? locked.status
          : statusAfterSellerMessage(locked.status);
        // Even without a status change the case changed: a new version, so its ETag moves on.
        await this.caseRows.update(manager, locked.id, { status: nextStatus });
        if (nextStatus !== locked.status) {
          await this.events.append(manager, {
            caseId: locked.id,
            actorId: caller.id,
            kind: 'status_changed',
            visibility: 'seller',
            data: { from: locked.status, to: nextStatus },
          });
          await this.outbox.publish(manager, OutboxEvent.CaseUpdated, {
            caseId: locked.id,
            status: nextStatus,
          });
        }
        await this.outbox.publish(manager, OutboxEvent.MessagePosted, {
          caseId: locked.id,
          messageId: message.id,
        });
        return toMessageView(message, caller.user.displayName);
      },
    );
  }

  /** A moderator's note: on the timeline as an internal event, never shown to the seller. */
  async addNote(
    moderator: AuthUser,
    idOrReference: string,
    dto: PostMessageDto,
  ): Promise<CaseEventView> {
    const kase = await this.cases.requireVisible(moderator, idOrReference);
    return this.caseRows.lockAndRun(kase.id, async (manager, locked) => {
      const event = await this.events.append(manager, {
        caseId: locked.id,
        actorId: moderator.id,
        kind: 'note_added',
        visibility: 'internal',
        data: { body: dto.body },
      });
      await this.outbox.publish(manager, OutboxEvent.NoteAdded, {
        caseId: locked.id,
        eventId: event.id,
      });
      return toEventView(event);
    });
  }

  async timeline(
    caller: AuthUser,
    idOrReference: string,
    query: ListQueryDto,
  ): Promise<CaseEventPageView> {
    const kase = await this.cases.requireVisible(caller, idOrReference);
    const rows = await this.events.list(
      kase.id,
      isStaff(caller) ? ['seller', 'internal'] : ['seller'],
      requireSequenceCursor(query.cursor),
      query.limit,
    );
    return toSequencePage(rows, query.limit, toEventView);
  }
}
