import type { AuthUser } from '../../auth/auth-user';
import { PLATFORM, requireAccess } from '../../auth/access-policy';
import { Injectable, NotFoundException } from '@nestjs/common';
import { toPage } from '../../common/pagination/cursor';
import { requireCursor } from '../../common/pagination/page-cursor';
import {
  activitySpan,
  campaignActivity,
  dateOfHour,
  type CampaignActivity,
} from './campaign-activity';
import { CampaignReadsRepository } from './campaign-reads.repository';
import type { CampaignListQueryDto } from './campaign-query.dto';
import type { CampaignEntity } from './campaign.entity';
import type {
  CampaignActivityView,
  CampaignPageView,
  CampaignSummaryView,
  CampaignView,
} from './campaign.view';

function toSummary(campaign: CampaignEntity): CampaignSummaryView {
  return {
    id: campaign.id,
    kind: campaign.kind,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt.toISOString(),
    hitCount: campaign.hitCount,
    accountCount: campaign.accountCount,
    sellerCount: campaign.sellerCount,
    detectedAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

function toActivityView({ hours, normal }: CampaignActivity): CampaignActivityView {
  const iso = (hour: number) => dateOfHour(hour).toISOString();
  return {
    hours: hours.map(({ hour, ...counts }) => ({ hour: iso(hour), ...counts })),
    normal: normal && {
      perHour: normal.rates,
      from: iso(normal.fromHour),
      to: iso(normal.toHour),
    },
  };
}

/** What moderators see of coordinated attacks. */
@Injectable()
export class CampaignsService {
  constructor(private readonly reads: CampaignReadsRepository) {}

  async list(caller: AuthUser, query: CampaignListQueryDto): Promise<CampaignPageView> {
    requireAccess(caller, 'campaign.read', PLATFORM);
    const rows = await this.reads.list({
      kind: query.kind,
      sellerId: query.sellerId,
      after: requireCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(rows, query.limit, (row) => ({ at: row.endsAt, id: row.id }), toSummary);
  }

  async get(caller: AuthUser, id: string): Promise<CampaignView> {
    requireAccess(caller, 'campaign.read', PLATFORM);
    const campaign = await this.reads.find(id);
    if (!campaign) throw new NotFoundException('No such campaign.');
    const [accounts, sellers, cases] = await Promise.all([
      this.reads.accountsOf(id),
      this.reads.sellersOf(id),
      this.reads.casesOf(id),
    ]);
    const span = activitySpan(campaign.startsAt, campaign.endsAt);
    const buckets = await this.reads.activityOf(sellers, span.lookbackFromHour, span.toHour);
    return {
      ...toSummary(campaign),
      accounts,
      sellers,
      cases,
      perHour: campaign.perHour,
      perDay: campaign.perDay,
      activity: toActivityView(campaignActivity(buckets, span)),
    };
  }
}
