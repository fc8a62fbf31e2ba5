import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PLATFORMS, type Platform } from '../common/platform';
import { Trim } from '../common/validation/transforms';
import {
  IDENTIFIER_KINDS,
  PAYMENT_PROVIDERS,
  type IdentifierKind,
  type PaymentProvider,
} from '../identifiers/identifier-kind';
import { CASE_LIMITS } from './case.dto';

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
export class AddIdentifierDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The reported party it belongs to; on the case itself when left out',
  })
  @IsOptional()
  @IsUUID('all')
  partyId?: string;

  @ApiProperty({ enum: IDENTIFIER_KINDS })
  @IsIn(IDENTIFIER_KINDS)
  kind!: IdentifierKind;

  @ApiProperty({ maxLength: CASE_LIMITS.identifierLength, example: '2847561932' })
  @IsString()
  @MaxLength(CASE_LIMITS.identifierLength)
  value!: string;

  @ApiPropertyOptional({
    enum: PLATFORMS,
    description: 'For platform_account; the case platform when left out',
  })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ enum: PAYMENT_PROVIDERS, description: 'Required for payment_account' })
  @IsOptional()
  @IsIn(PAYMENT_PROVIDERS)
  provider?: PaymentProvider;

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
