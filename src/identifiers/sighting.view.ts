import { ApiProperty } from '@nestjs/swagger';
import { SIGHTING_SOURCES, SIGHTING_STATUSES } from './sighting.entity';

export class SightingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) evidenceId!: string | null;
  @ApiProperty({ format: 'uuid' }) identifierId!: string;
  @ApiProperty({ example: 'qq' }) kind!: string;
  @ApiProperty({ example: '2847561923' }) value!: string;
  @ApiProperty() display!: string;
  @ApiProperty({ enum: SIGHTING_SOURCES }) source!: string;
  @ApiProperty({ type: Number, nullable: true }) confidence!: number | null;
  @ApiProperty({ enum: SIGHTING_STATUSES }) status!: string;
}
