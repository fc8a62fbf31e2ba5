import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import type { CampaignKind } from './find-campaigns';

export const CAMPAIGN_KINDS: readonly CampaignKind[] = ['siege', 'ring'];

/**
 * A coordinated attack found in sellers' order exports: many accounts against one seller in a
 * short window (siege), or the same accounts at several sellers (ring).
 */
@Entity({ name: 'campaigns' })
@Index('campaigns_key', ['key'], { unique: true })
@Index('campaigns_recent_idx', ['endsAt', 'id'])
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Its fingerprint: detection run again on more rows finds the same campaign by it. */
  @Column({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: CampaignKind;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'hit_count', type: 'integer' })
  hitCount!: number;

  @Column({ name: 'account_count', type: 'integer' })
  accountCount!: number;

  @Column({ name: 'seller_count', type: 'integer' })
  sellerCount!: number;

  /** Hits per UTC hour that has any, in time order. */
  @Column({ name: 'per_hour', type: 'jsonb' })
  perHour!: { hour: string; count: number }[];

  /** Hits per UTC day that has any, in time order. */
  @Column({ name: 'per_day', type: 'jsonb' })
  perDay!: { day: string; count: number }[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
