import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PLATFORMS, Platform } from '../common/platform';
import { PLATFORM_CURRENCY } from '../common/platform-currency';
import { IsTimestamp } from '../common/validation/is-timestamp';
import { Trim } from '../common/validation/transforms';
import { DEMAND_CHANNELS, DemandChannel } from './case-status';
import { CASE_TYPES, CaseType } from './case-type';
import { WRITTEN_MONEY_FORMS } from './written-money';
import {
  IDENTIFIER_KINDS,
  IdentifierKind,
  PAYMENT_PROVIDERS,
  PaymentProvider,
} from '../identifiers/identifier-kind';

/** Limits on what a case holds; they are in the OpenAPI document and the README. */
export const CASE_LIMITS = {
  titleLength: 200,
  descriptionLength: 10_000,
  orderIds: 50,
  orderIdLength: 64,
  reportedParties: 10,
  identifiersPerParty: 20,
  identifierLength: 200,
  moneyLength: 32,
} as const;

export class MoneyDto {
  @ApiProperty({ example: '50.00', description: 'A decimal string, never a number' })
  @IsString()
  @MaxLength(CASE_LIMITS.moneyLength)
  amount!: string;

  @ApiProperty({ example: 'CNY', description: 'ISO 4217' })
  @IsString()
  @MaxLength(3)
  currency!: string;
}

const PLATFORM_CURRENCIES = Object.entries(PLATFORM_CURRENCY)
  .map(([platform, currency]) => `${platform} ${currency ?? 'none'}`)
  .join(', ');

/** Money as a filing sends it: the amount as the seller wrote it, the currency if they chose one. */
export class MoneyInputDto {
  @ApiProperty({
    example: '50.00',
    description: `A decimal string, never a number; or the sum as sellers write it: ${WRITTEN_MONEY_FORMS.join(', ')}. A currency sign or word sets the currency; an amount that cannot be read as exactly one sum (50-100, 五十, 1,2) is refused with these forms.`,
    maxLength: CASE_LIMITS.moneyLength,
  })
  @IsString()
  @MaxLength(CASE_LIMITS.moneyLength)
  amount!: string;

  @ApiPropertyOptional({
    example: 'CNY',
    description: `ISO 4217. Left out: the currency the amount is written in, or else the platform’s (${PLATFORM_CURRENCIES}). One that disagrees with the amount’s sign is refused.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  currency?: string;
}

export class IdentifierDto {
  @ApiProperty({ enum: IDENTIFIER_KINDS })
  @IsIn(IDENTIFIER_KINDS)
  kind!: IdentifierKind;

  @ApiProperty({ maxLength: CASE_LIMITS.identifierLength, example: '2847561923' })
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
}

export class ReportedPartyDto {
  @ApiProperty({ type: [IdentifierDto], minItems: 1, maxItems: CASE_LIMITS.identifiersPerParty })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CASE_LIMITS.identifiersPerParty)
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers!: IdentifierDto[];
}

export class PayeeAccountDto {
  @ApiProperty({ enum: PAYMENT_PROVIDERS })
  @IsIn(PAYMENT_PROVIDERS)
  provider!: PaymentProvider;

  @ApiProperty({ example: '13800138000' })
  @IsString()
  @MaxLength(CASE_LIMITS.identifierLength)
  value!: string;
}

export class CreateCaseDto {
  @ApiProperty({ enum: CASE_TYPES })
  @IsIn(CASE_TYPES)
  type!: CaseType;

  @ApiProperty({ enum: PLATFORMS })
  @IsIn(PLATFORMS)
  platform!: Platform;

  @ApiProperty({ maxLength: CASE_LIMITS.titleLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_LIMITS.titleLength)
  title!: string;

  @ApiPropertyOptional({ maxLength: CASE_LIMITS.descriptionLength })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(CASE_LIMITS.descriptionLength)
  description?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Not in the future' })
  @IsOptional()
  @IsTimestamp()
  incidentAt?: string;

  @ApiPropertyOptional({ type: MoneyInputDto, description: 'What the blackmailer asked for' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInputDto)
  amountDemanded?: MoneyInputDto;

  @ApiPropertyOptional({
    type: MoneyInputDto,
    description: 'What the seller already paid, if anything',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInputDto)
  amountPaid?: MoneyInputDto;

  @ApiPropertyOptional({ enum: DEMAND_CHANNELS })
  @IsOptional()
  @IsIn(DEMAND_CHANNELS)
  demandChannel?: DemandChannel;

  @ApiPropertyOptional({ type: PayeeAccountDto, description: 'Where they asked to be paid' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PayeeAccountDto)
  payeeAccount?: PayeeAccountDto;

  @ApiPropertyOptional({ format: 'date-time', description: 'The deadline they set' })
  @IsOptional()
  @IsTimestamp()
  demandDeadline?: string;

  @ApiPropertyOptional({ type: [String], maxItems: CASE_LIMITS.orderIds })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_LIMITS.orderIds)
  @IsString({ each: true })
  @MaxLength(CASE_LIMITS.orderIdLength, { each: true })
  orderIds?: string[];

  @ApiPropertyOptional({ type: [ReportedPartyDto], maxItems: CASE_LIMITS.reportedParties })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_LIMITS.reportedParties)
  @ValidateNested({ each: true })
  @Type(() => ReportedPartyDto)
  reported?: ReportedPartyDto[];
}
