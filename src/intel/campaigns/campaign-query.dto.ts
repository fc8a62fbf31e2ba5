import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { CAMPAIGN_KINDS } from './campaign.entity';
import type { CampaignKind } from './find-campaigns';

export class CampaignListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_KINDS })
  @IsOptional()
  @IsIn(CAMPAIGN_KINDS)
  kind?: CampaignKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Campaigns that targeted this seller' })
  @IsOptional()
  @IsUUID()
  sellerId?: string;
}
