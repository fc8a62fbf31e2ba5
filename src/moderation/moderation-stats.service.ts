import { Injectable } from '@nestjs/common';
import { PLATFORM, requireAccess } from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { ProblemException } from '../common/problem/problem.exception';
import { ModerationStatsQueryDto, ModerationStatsView } from './moderation-stats.dto';
import { ModerationStatsRepository } from './moderation-stats.repository';

const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_DAYS = 7;
const LONGEST_PERIOD_DAYS = 366;

/** Moderators' workload and response times over a period. */
@Injectable()
export class ModerationStatsService {
  constructor(
    private readonly stats: ModerationStatsRepository,
    private readonly clock: Clock,
  ) {}

  async over(caller: AuthUser, query: ModerationStatsQueryDto): Promise<ModerationStatsView> {
    requireAccess(caller, 'queue.read', PLATFORM);
    const now = this.clock.now();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (
      from.getTime() >= to.getTime() ||
      to.getTime() - from.getTime() > LONGEST_PERIOD_DAYS * DAY_MS
    ) {
      throw new ProblemException(
        422,
        `The period must run forward, and for ${LONGEST_PERIOD_DAYS} days at most.`,
        [{ field: 'from', message: 'must be before to, and at most a year before it' }],
      );
    }
    const [figures, moderators] = await Promise.all([
      this.stats.period(from, to),
      this.stats.loads(from, to, now),
    ]);
    return { from: from.toISOString(), to: to.toISOString(), ...figures, moderators };
  }
}
