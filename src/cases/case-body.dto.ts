import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Trim } from '../common/validation/transforms';
import { CASE_STATUSES, CaseStatus } from './case-status';
import { CASE_TYPES, CaseType } from './case-type';

export const MESSAGE_MAX_LENGTH = 5_000;

export class PostMessageDto {
  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;
}

export class CaseListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: CASE_TYPES })
  @IsOptional()
  @IsIn(CASE_TYPES)
  type?: CaseType;

  @ApiPropertyOptional({ description: 'Text in the title, description or reference' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;
}
