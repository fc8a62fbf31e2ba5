import { ApiProperty } from '@nestjs/swagger';
import { PLATFORMS, type Platform } from '../common/platform';
import { SHOP_VERIFICATION_METHODS, type ShopVerificationMethod } from './shop-verification';

export class ShopVerificationView {
  @ApiProperty() verified!: boolean;
  @ApiProperty({ enum: SHOP_VERIFICATION_METHODS, nullable: true })
  method!: ShopVerificationMethod | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) verifiedBy!: string | null;
}

export class ShopSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
  @ApiProperty({ description: "The marketplace's id of the shop" }) shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty({ type: ShopVerificationView }) verification!: ShopVerificationView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ShopMemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ description: 'Belonged to the shop when a moderator last verified it' })
  verified!: boolean;
}

export class ShopCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() type!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  likelyDuplicateOf!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ShopView extends ShopSummaryView {
  @ApiProperty({ type: [ShopMemberView], description: 'Its accounts, first registered first' })
  members!: ShopMemberView[];
  @ApiProperty({ type: [ShopCaseView], description: 'Its newest 100 cases' })
  cases!: ShopCaseView[];
}

export class ShopPageView {
  @ApiProperty({ type: [ShopSummaryView] }) items!: ShopSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
