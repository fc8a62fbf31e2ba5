import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { UNDECIDED } from '../cases/case-transitions';
import type { CaseStatus } from '../cases/case-status';
import { CASE_TYPES, CaseType } from '../cases/case-type';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { PLATFORMS, Platform } from '../common/platform';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export class QueueQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: UNDECIDED, description: 'Default: every status still undecided' })
  @IsOptional()
  @IsIn(UNDECIDED)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: CASE_TYPES })
  @IsOptional()
  @IsIn(CASE_TYPES)
  type?: CaseType;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({
    description: '`me`, `none` (unclaimed, or its claim lapsed) or a moderator’s id',
    example: 'none',
  })
  @IsOptional()
  @Matches(new RegExp(`^(me|none|${UUID})$`), { message: 'must be me, none or a user id' })
  assignee?: string;

  @ApiPropertyOptional({ enum: ['true'], description: 'Only cases naming a repeat offender' })
  @IsOptional()
  @IsIn(['true'])
  repeatOffender?: 'true';

  @ApiPropertyOptional({
    enum: ['true'],
    description: 'Only cases that missed a service level, or are past one now',
  })
  @IsOptional()
  @IsIn(['true'])
  breached?: 'true';
}
