import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, EvidenceKind } from './evidence-kind';
import { EVIDENCE_STATUSES, EvidenceStatus } from './evidence-status';
import { EvidenceEntity } from './evidence.entity';

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: EvidenceKind;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status!: EvidenceStatus;
  @ApiProperty({ description: 'The uploaded name, as display text only' }) fileName!: string;
  @ApiProperty({ description: 'Decided from the bytes' }) mediaType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class EvidenceListView {
  @ApiProperty({ type: [EvidenceView] }) items!: EvidenceView[];
}

export function toEvidenceView(evidence: EvidenceEntity): EvidenceView {
  return {
    id: evidence.id,
    caseId: evidence.caseId,
    kind: evidence.kind,
    status: evidence.status,
    fileName: evidence.fileName,
    mediaType: evidence.mediaType,
    size: Number(evidence.size),
    sha256: evidence.sha256,
    error: evidence.error,
    createdAt: evidence.createdAt.toISOString(),
  };
}
