import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNDECIDED } from '../cases/case-transitions';

export interface ModeratorLoad {
  id: string;
  displayName: string;
  open: number;
  decided: number;
}

export interface PeriodFigures {
  filed: number;
  decided: number;
  medianFirstResponseSeconds: number | null;
  medianResolutionSeconds: number | null;
  firstResponseBreaches: number;
  resolutionBreaches: number;
}

/** Workload and response times, read from the cases themselves. */
@Injectable()
export class ModerationStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per moderator: the undecided cases they hold now, and what they decided in the period. */
  async loads(from: Date, to: Date, now: Date): Promise<ModeratorLoad[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName",
              (SELECT count(*)::int FROM cases c
                WHERE c.assignee_id = u.id AND c.claim_expires_at > $3
                  AND c.status = ANY($4::text[])) AS open,
              (SELECT count(*)::int FROM cases c
                WHERE c.decided_by = u.id AND c.decided_at >= $1 AND c.decided_at < $2) AS decided
         FROM users u
        WHERE u.role IN ('moderator', 'admin') AND u.status = 'active'
        ORDER BY open DESC, decided DESC, u.display_name, u.id`,
      [from, to, now, UNDECIDED],
    );
  }

  async period(from: Date, to: Date): Promise<PeriodFigures> {
    const [row]: PeriodFigures[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM cases WHERE created_at >= $1 AND created_at < $2) AS filed,
         (SELECT count(*)::int FROM cases WHERE decided_at >= $1 AND decided_at < $2) AS decided,
         (SELECT percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM first_response_at - created_at))
            FROM cases WHERE first_response_at >= $1 AND first_response_at < $2)
           AS "medianFirstResponseSeconds",
         (SELECT percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM decided_at - created_at))
            FROM cases WHERE decided_at >= $1 AND decided_at < $2) AS "medianResolutionSeconds",
         (SELECT count(*)::int FROM cases
           WHERE first_response_breached_at >= $1 AND first_response_breached_at < $2)
           AS "firstResponseBreaches",
         (SELECT count(*)::int FROM cases
           WHERE resolution_breached_at >= $1 AND resolution_breached_at < $2)
           AS "resolutionBreaches"`,
      [from, to],
    );
    return {
      ...row,
      medianFirstResponseSeconds: rounded(row.medianFirstResponseSeconds),
      medianResolutionSeconds: rounded(row.medianResolutionSeconds),
    };
  }
}

function rounded(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds);
}
