import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_KINDS, EvidenceKind } from './evidence-kind';
import { EVIDENCE_STATUSES, EvidenceStatus } from './evidence-status';
import { EvidenceAnalysisView, toEvidenceAnalysisView } from './analysis/evidence-analysis.view';
import { EvidenceEntity } from './evidence.entity';

export class BadRowView {
  @ApiProperty({ description: 'Row in the file; the header is row 1' }) row!: number;
  @ApiProperty() reason!: string;
}

export class ExtractedIdentifierView {
  @ApiProperty({ format: 'uuid', description: 'The sighting; moderators confirm or reject it' })
  id!: string;
  @ApiProperty({ example: 'qq' }) kind!: string;
  @ApiProperty({ description: 'Canonical value', example: '2847561923' }) value!: string;
  @ApiProperty({ description: 'As read from the text' }) display!: string;
  @ApiProperty({ enum: ['ocr', 'chat_log'] }) source!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'How sure extraction was, 0 to 1' })
  confidence!: number | null;
  @ApiProperty({ enum: ['active', 'confirmed', 'rejected'] }) status!: string;
}

export class AmountView {
  @ApiProperty({ example: '50.00' }) amount!: string;
  @ApiProperty({ example: 'CNY' }) currency!: string;
}

export class ExtractedView {
  @ApiProperty({
    type: [ExtractedIdentifierView],
    description: 'Identifiers read from a screenshot (OCR) or a chat log',
  })
  identifiers!: ExtractedIdentifierView[];
  @ApiProperty({ type: [AmountView], description: 'Amounts demanded that the text names' })
  amountsDemanded!: AmountView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Order rows kept from an export' })
  orderRows!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Rows of an export that were unreadable',
  })
  badRows!: number | null;
  @ApiProperty({ type: [BadRowView], description: 'The first unreadable rows, with the reason' })
  badRowSamples!: BadRowView[];
  @ApiProperty({ type: String, nullable: true, example: 'taobao' })
  layout!: string | null;
}

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: EvidenceKind;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status!: EvidenceStatus;
  @ApiProperty({ description: 'The uploaded name, as display text only' }) fileName!: string;
  @ApiProperty({ description: 'Decided from the bytes' }) mediaType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: Number, nullable: true }) width!: number | null;
  @ApiProperty({ type: Number, nullable: true }) height!: number | null;
  @ApiProperty({ type: Object, nullable: true, description: 'Camera make, model, time taken' })
  camera!: Record<string, unknown> | null;
  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    description: 'Where a photo was taken; moderators only',
  })
  gps?: { latitude: number; longitude: number } | null;
  @ApiProperty({ type: ExtractedView }) extracted!: ExtractedView;
  @ApiProperty({
    type: EvidenceAnalysisView,
    description: 'Whether and when OCR, extraction and linking have run, and what was found',
  })
  analysis!: EvidenceAnalysisView;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The text of a chat log; moderators only',
  })
  text?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'What OCR read in a chat screenshot; moderators only',
  })
  ocrText?: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected' })
  error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class EvidenceListView {
  @ApiProperty({ type: [EvidenceView] }) items!: EvidenceView[];
}

function extractedOf(
  evidence: EvidenceEntity,
  identifiers: ExtractedIdentifierView[],
): ExtractedView {
  const summary = evidence.orderSummary;
  return {
    identifiers,
    amountsDemanded: evidence.amountsDemanded ?? [],
    orderRows: summary?.orderRows ?? null,
    badRows: summary?.badRows ?? null,
    badRowSamples: summary?.badRowSamples ?? [],
    layout: summary?.layout ?? null,
  };
}

/**
 * What a viewer sees of an item; GPS positions and linking only when `forStaff`, and its texts
 * only when loaded (for one item, for staff).
 */
export function toEvidenceView(
  evidence: EvidenceEntity,
  forStaff: boolean,
  identifiers: ExtractedIdentifierView[] = [],
): EvidenceView {
  return {
    id: evidence.id,
    caseId: evidence.caseId,
    kind: evidence.kind,
    status: evidence.status,
    fileName: evidence.fileName,
    mediaType: evidence.mediaType,
    size: Number(evidence.size),
    sha256: evidence.sha256,
    width: evidence.width,
    height: evidence.height,
    camera: evidence.camera as Record<string, unknown> | null,
    extracted: extractedOf(evidence, identifiers),
    analysis: toEvidenceAnalysisView(evidence, forStaff),
    ...(forStaff ? { gps: evidence.gps } : {}),
    ...(forStaff && evidence.textContent !== undefined ? { text: evidence.textContent } : {}),
    ...(forStaff && evidence.ocrText !== undefined ? { ocrText: evidence.ocrText } : {}),
    error: evidence.error,
    createdAt: evidence.createdAt.toISOString(),
  };
}
