import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const LINK_REASONS = [
  'same_offender',
  'shared_identifier',
  'similar_screenshot',
  'same_campaign',
] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

export class RelatedReasonView {
  @ApiProperty({ enum: LINK_REASONS }) reason!: LinkReason;
  @ApiPropertyOptional({ format: 'uuid', description: 'same_offender' }) offenderId?: string;
  @ApiPropertyOptional({ example: 'qq', description: 'shared_identifier' }) kind?: string;
  @ApiPropertyOptional({ example: '2847561923', description: 'shared_identifier' })
  value?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'similar_screenshot: this case’s' })
  evidenceId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'similar_screenshot: the other case’s' })
  otherEvidenceId?: string;
  @ApiPropertyOptional({
    description: 'similar_screenshot: bits of the 64-bit hashes that differ (0: same picture)',
  })
  distance?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'same_campaign' }) campaignId?: string;
}

export class RelatedCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'uuid' }) sellerId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [RelatedReasonView] }) reasons!: RelatedReasonView[];
}

export class RelatedCasesView {
  @ApiProperty({ type: [RelatedCaseView], description: 'Most reasons first, at most 100' })
  items!: RelatedCaseView[];
}
