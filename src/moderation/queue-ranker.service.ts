import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNDECIDED } from '../cases/case-transitions';
import { CasesRepository, QueueRank } from '../cases/cases.repository';
import { Clock } from '../common/clock';
import { OffenderFactsService } from '../intel/offenders/offender-facts.service';
import { JobContext } from '../jobs/job-data';
import { JobName } from '../jobs/job-names';
import { OnJob } from '../jobs/on-job.decorator';
import { queuePriority } from './queue-priority';
import { QueueReadsRepository } from './queue-reads.repository';

const BATCH = 500;

/**
 * Keeps each case's queue rank current: jobs rank a case when what the formula reads changes
 * (filed, moved, raised for a repeat offender, its offender flagged, a campaign found), and a
 * scheduled job ranks the cases whose time-dependent terms have moved. No request ranks anything.
 */
@Injectable()
export class QueueRankerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly caseRows: CasesRepository,
    private readonly reads: QueueReadsRepository,
    private readonly offenders: OffenderFactsService,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.RankCase)
  async rankCaseJob(job: JobContext<JobName.RankCase>): Promise<void> {
    await this.rank([job.payload.caseId]);
  }

  @OnJob(JobName.RankOffenderCases)
  async rankOffenderJob(job: JobContext<JobName.RankOffenderCases>): Promise<void> {
    await this.rank(await this.offenders.casesOf(this.dataSource.manager, job.payload.offenderId));
  }

  @OnJob(JobName.RankCampaignCases)
  async rankCampaignJob(job: JobContext<JobName.RankCampaignCases>): Promise<void> {
    await this.rank(await this.reads.casesOfCampaign(job.payload.campaignId));
  }

  /** Ranks the due cases, a batch at a time, until none is due. */
  @OnJob(JobName.RankDueCases)
  async rankDueJob(): Promise<void> {
    const now = this.clock.now();
    for (let due = await this.caseRows.dueForRanking(now, BATCH); due.length > 0;) {
      await this.rank(due, now);
      if (due.length < BATCH) break;
      due = await this.caseRows.dueForRanking(now, BATCH);
    }
  }

  /** Ranks the cases as they are at `now`; one that left the queue loses its rank. */
  async rank(caseIds: string[], now = this.clock.now()): Promise<number> {
    for (let start = 0; start < caseIds.length; start += BATCH) {
      const inputs = await this.reads.priorityInputs(caseIds.slice(start, start + BATCH));
      const ranks: QueueRank[] = inputs.map(({ caseId, ...input }) => {
        if (!UNDECIDED.includes(input.status)) {
          return { caseId, priority: 0, terms: [], rescoreAt: null };
        }
        return { caseId, ...queuePriority(input, now) };
      });
      await this.caseRows.setQueueRanks(ranks);
    }
    return caseIds.length;
  }
}
