import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { EvidenceAnalysisRecorder } from '../../evidence/analysis/evidence-analysis-recorder.service';
import { JobContext } from '../../jobs/job-data';
import { JobName, OutboxEvent } from '../../jobs/job-names';
import { OutboxService } from '../../jobs/outbox.service';
import { OnJob } from '../../jobs/on-job.decorator';
import { hitOf, type Hit } from './campaign-hits';
import { CampaignsRepository } from './campaigns.repository';
import { findCampaigns } from './find-campaigns';

/**
 * Looks for sieges and rings each time an order export is read, over the hits it can take part
 * in, then marks the export cross-referenced. Safe to run twice: campaigns are kept by their key.
 */
@Injectable()
export class CampaignDetectorService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly outbox: OutboxService,
    private readonly analysis: EvidenceAnalysisRecorder,
  ) {}

  @OnJob(JobName.DetectCampaigns)
  async detectJob(job: JobContext<JobName.DetectCampaigns>): Promise<void> {
    if (job.payload.kind !== 'order_export') return;
    await this.detectAround(job.payload.evidenceId);
    await this.analysis.crossReferenced(job.payload.evidenceId);
  }

  /** Returns the ids of the campaigns found. */
  async detectAround(evidenceId: string): Promise<string[]> {
    const rules = this.config.intel.campaigns;
    return this.dataSource.transaction(async (manager) => {
      await this.campaigns.takeTurn(manager);
      const records = await this.campaigns.hitsAround(
        manager,
        evidenceId,
        rules.siegeWindowHours,
        rules.ringWindowDays,
      );
      const hits = records.map(hitOf).filter((hit): hit is Hit => hit !== null);
      const ids: string[] = [];
      for (const campaign of findCampaigns(hits, rules)) {
        const campaignId = await this.campaigns.save(manager, campaign);
        await this.outbox.publish(manager, OutboxEvent.CampaignDetected, { campaignId });
        ids.push(campaignId);
      }
      return ids;
    });
  }
}
