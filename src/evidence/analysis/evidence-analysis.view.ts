import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLATFORMS, Platform } from '../../common/platform';
import {
  IDENTIFIER_KINDS,
  IdentifierKind,
  PAYMENT_PROVIDERS,
  PaymentProvider,
} from '../../identifiers/identifier-kind';
import {
  ANALYSIS_STATES,
  ANALYSIS_STEPS,
  AnalysisProgress,
  AnalysisState,
  AnalysisStep,
  analysisStateOf,
} from './evidence-analysis';
import type { FoundIdentifier } from './found-identifier';

export class FoundIdentifierView {
  @ApiProperty({ enum: IDENTIFIER_KINDS }) kind!: IdentifierKind;
  @ApiProperty({ description: 'Canonical: E.164 phones, lower-case WeChat IDs and emails' })
  value!: string;
  @ApiProperty({ description: 'As it was read from the file', example: '2847561932' })
  display!: string;
  @ApiPropertyOptional({ enum: PLATFORMS }) platform?: Platform;
  @ApiPropertyOptional({ enum: PAYMENT_PROVIDERS }) provider?: PaymentProvider;
}

export class EvidenceAnalysisView {
  @ApiProperty({
    enum: ANALYSIS_STATES,
    description:
      'pending until the first step has run (also while the file is processed), running until the last has, then done; not_applicable to a rejected file and to what gets no analysis',
  })
  state!: AnalysisState;
  @ApiProperty({
    enum: ANALYSIS_STEPS,
    isArray: true,
    description:
      'The steps this item gets, in order: a chat screenshot ocr_read, identifiers_extracted and linked; a chat log the last two; an order export linked (its orders searched for campaigns). Only moderators and admins are shown linked.',
  })
  steps!: AnalysisStep[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) ocrReadAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) extractedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Moderators and admins only: when linking had taken in everything found in the item',
  })
  linkedAt?: string | null;
  @ApiProperty({
    type: [FoundIdentifierView],
    description: 'The identifiers read from this file, in the order they were found',
  })
  found!: FoundIdentifierView[];
}

export type AnalysedItem = AnalysisProgress & { foundIdentifiers: FoundIdentifier[] | null };

/** An item's analysis as a viewer sees it; whether and when linking ran only when `forStaff`. */
export function toEvidenceAnalysisView(
  item: AnalysedItem,
  forStaff: boolean,
): EvidenceAnalysisView {
  const steps = item.analysisSteps ?? [];
  return {
    state: analysisStateOf(item),
    steps: forStaff ? steps : steps.filter((step) => step !== 'linked'),
    ocrReadAt: item.ocrReadAt?.toISOString() ?? null,
    extractedAt: item.extractedAt?.toISOString() ?? null,
    ...(forStaff ? { linkedAt: item.linkedAt?.toISOString() ?? null } : {}),
    found: item.foundIdentifiers ?? [],
  };
}
