import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  IDENTIFIER_KINDS,
  type IdentifierKind,
  PAYMENT_PROVIDERS,
  type PaymentProvider,
} from '../../identifiers/identifier-kind';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { PLATFORMS, type Platform } from '../../common/platform';
import { EXCLUSION_REASONS, type ExclusionReason } from './offender-member.entity';

export class OffenderListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'At least this many distinct sellers' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minSellers?: number;

  @ApiPropertyOptional({ enum: IDENTIFIER_KINDS, description: 'Has an identifier of this kind' })
  @IsOptional()
  @IsIn(IDENTIFIER_KINDS)
  kind?: IdentifierKind;

  @ApiPropertyOptional({ description: 'Has an identifier whose canonical value starts so' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;
}

export class IdentifierLookupQueryDto {
  @ApiProperty({ enum: IDENTIFIER_KINDS })
  @IsIn(IDENTIFIER_KINDS)
  kind!: IdentifierKind;

  @ApiProperty({ description: 'As typed; normalised as a filing would be' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  value!: string;

  @ApiPropertyOptional({ enum: PLATFORMS, description: 'For a platform account' })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ enum: PAYMENT_PROVIDERS, description: 'For a payment account' })
  @IsOptional()
  @IsIn(PAYMENT_PROVIDERS)
  provider?: PaymentProvider;
}

export class ExcludedIdentifierQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    enum: EXCLUSION_REASONS,
    description: 'hub: named by too many parties to link; not_identifying: marked by a moderator',
  })
  @IsOptional()
  @IsIn(EXCLUSION_REASONS)
  reason?: ExclusionReason;
}
