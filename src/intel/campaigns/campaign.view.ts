import { ApiProperty } from '@nestjs/swagger';
import { CAMPAIGN_KINDS } from './campaign.entity';

export class HourCountView {
  @ApiProperty({ format: 'date-time' }) hour!: string;
  @ApiProperty() count!: number;
}

export class DayCountView {
  @ApiProperty({ format: 'date', example: '2026-11-18' }) day!: string;
  @ApiProperty() count!: number;
}

export class HourActivityView {
  @ApiProperty({ format: 'date-time' }) hour!: string;
  @ApiProperty({ description: 'Orders placed in the hour' }) orders!: number;
  @ApiProperty({ description: 'Of those, refunded' }) refunds!: number;
  @ApiProperty({ description: 'Of those, rated 1 or 2' }) badReviews!: number;
}

export class ActivityRatesView {
  @ApiProperty() orders!: number;
  @ApiProperty() refunds!: number;
  @ApiProperty() badReviews!: number;
}

export class NormalActivityView {
  @ApiProperty({ type: ActivityRatesView, description: 'Mean per hour' })
  perHour!: ActivityRatesView;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

export class CampaignActivityView {
  @ApiProperty({
    type: [HourActivityView],
    description: 'Every hour of the attack and six either side, at the sellers it hit',
  })
  hours!: HourActivityView[];
  @ApiProperty({
    type: NormalActivityView,
    nullable: true,
    description:
      'The sellers’ normal: their mean per hour over up to 14 days before; null with under a day of history in their exports',
  })
  normal!: NormalActivityView | null;
}

export class CampaignSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: CAMPAIGN_KINDS,
    description: 'siege: many accounts against one seller; ring: the same accounts at several',
  })
  kind!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: 'Refunds and bad reviews counted' }) hitCount!: number;
  @ApiProperty() accountCount!: number;
  @ApiProperty() sellerCount!: number;
  @ApiProperty({ format: 'date-time' }) detectedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CampaignPageView {
  @ApiProperty({ type: [CampaignSummaryView] }) items!: CampaignSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CampaignCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'uuid' }) sellerId!: string;
  @ApiProperty() status!: string;
}

export class CampaignView extends CampaignSummaryView {
  @ApiProperty({ type: [String], description: 'Buyer accounts, as the exports name them' })
  accounts!: string[];
  @ApiProperty({ type: [String], description: 'The sellers it targeted' }) sellers!: string[];
  @ApiProperty({ type: [CampaignCaseView], description: 'Cases whose exports hold its hits' })
  cases!: CampaignCaseView[];
  @ApiProperty({ type: [HourCountView] }) perHour!: HourCountView[];
  @ApiProperty({ type: [DayCountView] }) perDay!: DayCountView[];
  @ApiProperty({ type: CampaignActivityView }) activity!: CampaignActivityView;
}
