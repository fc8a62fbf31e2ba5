import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../common/validation/transforms';
import { CASE_LIMITS, IdentifierDto } from './case.dto';

const REASON_MAX_LENGTH = 2000;

/** `PATCH /v1/cases/{id}`: the seller's corrected text. */
export class AmendCaseDto {
  @ApiPropertyOptional({ maxLength: CASE_LIMITS.titleLength })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_LIMITS.titleLength)
  title?: string;

  @ApiPropertyOptional({ maxLength: CASE_LIMITS.descriptionLength })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(CASE_LIMITS.descriptionLength)
  description?: string;
}

/** `POST /v1/cases/{id}/identifiers`: a handle the seller forgot or OCR missed. */
export class AddIdentifierDto extends IdentifierDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The reported party it belongs to; on the case itself when left out',
  })
  @IsOptional()
  @IsUUID('all')
  partyId?: string;

  @ApiProperty({
    maxLength: REASON_MAX_LENGTH,
    example: 'OCR missed the QQ number in the second screenshot',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}
