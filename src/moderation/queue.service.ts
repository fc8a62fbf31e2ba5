import { Injectable, Logger } from '@nestjs/common';
import { PLATFORM, requireAccess } from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { toServiceLevelView } from '../cases/case-views';
import { Clock } from '../common/clock';
import { ValidationProblem } from '../common/problem/problem.exception';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { queueCondition } from './queue-filter';
import { QueueQueryDto } from './queue-query.dto';
import { QueueFiguresCache } from './queue-figures-cache';
import { LastDay, QueueItemRow, QueueReadsRepository } from './queue-reads.repository';
import { QueueWalks } from './queue-walks';
import { QueueCountsView, QueueItemView, QueuePageView } from './queue.view';

/**
 * The moderation queue: open work, highest priority first. The first page starts a walk that
 * snapshots the ranking (QueueWalks), and carries the counts and figures; the next pages are
 * slices of that snapshot showing each case as it is now.
 */
@Injectable()
export class QueueService {
  private readonly logger = new Logger(QueueService.name);

  constructor(
    private readonly reads: QueueReadsRepository,
    private readonly walks: QueueWalks,
    private readonly figures: QueueFiguresCache,
    private readonly clock: Clock,
  ) {}

  async page(moderator: AuthUser, query: QueueQueryDto): Promise<QueuePageView> {
    requireAccess(moderator, 'queue.read', PLATFORM);
    const now = this.clock.now();
    if (query.cursor === undefined) return this.firstPage(moderator, query, now);
    const cursor = decodeQueueCursor(query.cursor);
    if (!cursor) {
      throw new ValidationProblem([{ field: 'cursor', message: 'is not a cursor of this queue' }]);
    }
    const page = await this.slice(cursor.walkId, cursor.offset, query.limit, moderator.id, now);
    return { ...page.view, counts: null, figures: null };
  }

  /**
   * Starts a walk: its first page straight from the database, and the whole ranking, read by the
   * same snapshot, kept in Redis once the page is on its way.
   */
  private async firstPage(
    moderator: AuthUser,
    query: QueueQueryDto,
    now: Date,
  ): Promise<QueuePageView> {
    const filter = { status: query.status, ...figuresFilter(query, moderator.id) };
    const recent = await this.walks.recent(filter);
    if (recent) return this.joinWalk(recent, moderator, query, now);
    const walkId = await this.walks.begin();
    const walk = await this.reads.openWalk(queueCondition(query, moderator.id, now), query.limit);
    let figures: Figures;
    let rows: QueueItemRow[];
    try {
      [rows, figures] = await Promise.all([
        this.reads.items(walk.firstIds),
        this.figuresOf(query, moderator.id, now),
      ]);
    } finally {
      void walk
        .rest()
        .then((ranked) => this.walks.store(walkId, ranked, filter))
        .catch((error: unknown) => {
          this.logger.warn(`Walk ${walkId} of the queue was not kept: ${String(error)}`);
          return this.walks.abandon(walkId).catch(() => undefined);
        });
    }
    return {
      items: rows.map((row) => toQueueItemView(row, moderator.id, now)),
      nextCursor: walk.more ? encodeQueueCursor({ walkId, offset: query.limit }) : null,
      ...withFigures(figures, query),
    };
  }

  /** A walk begun moments ago under the same filter, followed from its start. */
  private async joinWalk(
    walkId: string,
    moderator: AuthUser,
    query: QueueQueryDto,
    now: Date,
  ): Promise<QueuePageView> {
    const [page, figures] = await Promise.all([
      this.slice(walkId, 0, query.limit, moderator.id, now),
      this.figuresOf(query, moderator.id, now),
    ]);
    return { ...page.view, ...withFigures(figures, query) };
  }

  private figuresOf(query: QueueQueryDto, moderatorId: string, now: Date): Promise<Figures> {
    return this.figures.get(figuresFilter(query, moderatorId), async () => {
      const [counts, lastDay] = await Promise.all([
        this.reads.countsByStatus(queueCondition(query, moderatorId, now, false)),
        this.reads.lastDay(query, now),
      ]);
      return { counts, lastDay };
    });
  }

  private async slice(
    walkId: string,
    offset: number,
    limit: number,
    moderatorId: string,
    now: Date,
  ) {
    const { ids, total } = await this.walks.slice(walkId, offset, limit);
    const next = offset + limit;
    return {
      total,
      view: {
        items: (await this.reads.items(ids)).map((row) => toQueueItemView(row, moderatorId, now)),
        nextCursor: next < total ? encodeQueueCursor({ walkId, offset: next }) : null,
      },
    };
  }
}

interface Figures {
  counts: Record<string, number>;
  lastDay: LastDay;
}

function withFigures(figures: Figures, query: QueueQueryDto) {
  const { counts, lastDay } = figures;
  const pending = query.status
    ? (counts[query.status] ?? 0)
    : Object.values(counts).reduce((sum, n) => sum + n, 0);
  return {
    counts: countsView(counts),
    figures: {
      pending,
      inboundLast24h: lastDay.inbound,
      actionedLast24h: lastDay.actioned,
      averageHandlingSeconds: lastDay.averageSeconds,
    },
  };
}

/** What the figures depend on: every filter but the status, with `me` made the moderator. */
function figuresFilter(query: QueueQueryDto, moderatorId: string): Record<string, unknown> {
  const { type, platform, repeatOffender, breached } = query;
  const assignee = query.assignee === 'me' ? moderatorId : query.assignee;
  return { type, platform, repeatOffender, breached, assignee };
}

function countsView(counts: Record<string, number>): QueueCountsView {
  return {
    open: counts.open ?? 0,
    in_review: counts.in_review ?? 0,
    awaiting_seller: counts.awaiting_seller ?? 0,
    escalated: counts.escalated ?? 0,
  };
}

function toQueueItemView(row: QueueItemRow, moderatorId: string, now: Date): QueueItemView {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    type: row.type,
    platform: row.platform,
    status: row.status,
    priority: row.queue_priority,
    terms: row.priority_terms,
    badges: {
      repeatOffender: row.repeat_offender,
      campaign: row.in_campaign,
      deadline: row.demand_deadline?.toISOString() ?? null,
      appealed: row.appealed,
      yourDecisionAppealed: row.appealed && row.decided_by === moderatorId,
      likelyDuplicate: row.likely_duplicate,
    },
    victims:
      row.victim_shops === null
        ? null
        : { shops: row.victim_shops, verified: row.verified_victims ?? 0 },
    assignee:
      row.assignee_id && row.assignee_name
        ? { id: row.assignee_id, displayName: row.assignee_name }
        : null,
    claimExpiresAt: row.claim_expires_at?.toISOString() ?? null,
    seller: {
      displayName: row.seller_name,
      since: row.seller_since.toISOString(),
      shopVerified: row.shop_verified,
    },
    serviceLevel: toServiceLevelView(
      {
        firstResponseDueAt: row.first_response_due_at,
        firstResponseAt: row.first_response_at,
        resolutionDueAt: row.resolution_due_at,
        firstResponseBreachedAt: row.first_response_breached_at,
        resolutionBreachedAt: row.resolution_breached_at,
      },
      now,
    ),
    waitingSince: row.waiting_since.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}
