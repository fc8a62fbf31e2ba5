import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EVIDENCE_KINDS, EvidenceKind } from './evidence-kind';

/** The form fields of an evidence upload besides its files. */
export class EvidenceUploadDto {
  @ApiPropertyOptional({
    enum: EVIDENCE_KINDS,
    description: 'What the files are; taken from their bytes when left out',
  })
  @IsOptional()
  @IsIn(EVIDENCE_KINDS)
  kind?: EvidenceKind;
}

/** For the OpenAPI document: the multipart body as a whole. */
export class EvidenceUploadForm extends EvidenceUploadDto {
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'binary' } })
  files!: unknown[];
}
