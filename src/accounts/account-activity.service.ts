import { Injectable } from '@nestjs/common';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { toPage } from '../common/pagination/cursor';
import { requireCursor } from '../common/pagination/page-cursor';
import { JobContext } from '../jobs/job-data';
import { JobName, OutboxEvent } from '../jobs/job-names';
import { EventsOf } from '../jobs/job-payloads';
import { OnJob } from '../jobs/on-job.decorator';
import { ActivityKind } from './account-activity.entity';
import { ActivityPageView } from './account-activity.dto';
import { AccountActivityRepository } from './account-activity.repository';
import { SessionsRepository } from './sessions.repository';

const KIND_OF_EVENT: Record<EventsOf<JobName.RecordAccountActivity>, ActivityKind> = {
  [OutboxEvent.AccountRegistered]: 'registered',
  [OutboxEvent.AccountSignedIn]: 'signed_in',
};

@Injectable()
export class AccountActivityService {
  constructor(
    private readonly activity: AccountActivityRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  /** Writes the account-log entry of a sign-up or sign-in from the session it opened. */
  @OnJob(JobName.RecordAccountActivity)
  async record(job: JobContext<JobName.RecordAccountActivity>): Promise<void> {
    const kind = KIND_OF_EVENT[job.event];
    const session = await this.sessions.findSession(job.payload.sessionId);
    if (!session) return; // the account was deleted since; nothing left to record
    await this.activity.insertOnce({
      userId: session.userId,
      kind,
      ip: session.ip,
      userAgent: session.userAgent,
      occurredAt: session.createdAt,
      jobId: job.jobId,
    });
  }

  async listOfUser(userId: string, query: ListQueryDto): Promise<ActivityPageView> {
    const rows = await this.activity.listOfUser(userId, query.limit, requireCursor(query.cursor));
    return toPage(
      rows,
      query.limit,
      (row) => ({ at: row.occurredAt, id: row.id }),
      (row) => ({
        id: row.id,
        kind: row.kind,
        ip: row.ip,
        userAgent: row.userAgent,
        occurredAt: row.occurredAt.toISOString(),
      }),
    );
  }
}
