import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { MESSAGE_MAX_LENGTH } from '../cases/case-body.dto';
import { RESOLUTION_ACTIONS, ResolutionAction } from '../cases/case-status';
import { Trim } from '../common/validation/transforms';

const REASON_MAX_LENGTH = 2000;

export class AssignDto {
  @ApiProperty({ format: 'uuid', description: 'The moderator or admin who takes the case' })
  @IsUUID()
  moderatorId!: string;
}

export class RequestInfoDto {
  @ApiProperty({
    maxLength: MESSAGE_MAX_LENGTH,
    description: 'Sent to the seller; refused while it holds an unfilled {{placeholder}}',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX_LENGTH)
  message!: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: REASON_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

export const DECIDED_OUTCOMES = ['upheld', 'rejected'] as const;

export class ResolveDto {
  @ApiProperty({ enum: DECIDED_OUTCOMES })
  @IsIn(DECIDED_OUTCOMES)
  outcome!: (typeof DECIDED_OUTCOMES)[number];

  @ApiProperty({
    maxLength: MESSAGE_MAX_LENGTH,
    description: 'The reasons, which the seller reads',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX_LENGTH)
  summary!: string;

  @ApiProperty({ enum: RESOLUTION_ACTIONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(RESOLUTION_ACTIONS.length)
  @IsIn(RESOLUTION_ACTIONS, { each: true })
  actions!: ResolutionAction[];
}

export class MergeDto {
  @ApiProperty({ description: 'The case this one duplicates: its id or reference' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  targetCaseId!: string;

  @ApiPropertyOptional({
    maxLength: MESSAGE_MAX_LENGTH,
    description: 'What the seller of the duplicate reads; a plain default otherwise',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX_LENGTH)
  summary?: string;
}
