import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../accounts/user.entity';
import { CaseEntity } from '../../cases/case.entity';
import { CampaignEntity } from './campaign.entity';

/** A buyer account that took part in a campaign, as the order exports name it. */
@Entity({ name: 'campaign_accounts' })
@Index('campaign_accounts_account_idx', ['account'])
export class CampaignAccountEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  @PrimaryColumn({ name: 'account', type: 'text' })
  account!: string;
}

/** A seller a campaign targeted. */
@Entity({ name: 'campaign_sellers' })
@Index('campaign_sellers_seller_idx', ['sellerId'])
export class CampaignSellerEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  @PrimaryColumn({ name: 'seller_id', type: 'uuid' })
  sellerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seller_id' })
  seller?: UserEntity;
}

/** A case whose order records hold the campaign's accounts: how cases link through it. */
@Entity({ name: 'campaign_cases' })
@Index('campaign_cases_case_idx', ['caseId'])
export class CampaignCaseEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
}
