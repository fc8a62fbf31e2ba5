import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class ModerationStatsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: seven days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ModeratorLoadView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'Undecided cases they hold now' }) open!: number;
  @ApiProperty({ description: 'Cases they decided in the period' }) decided!: number;
}

export class ModerationStatsView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Filed in the period' }) filed!: number;
  @ApiProperty({ description: 'Decided in the period' }) decided!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Of first answers in the period' })
  medianFirstResponseSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Of decisions in the period' })
  medianResolutionSeconds!: number | null;
  @ApiProperty({ description: 'First answers missed in the period' })
  firstResponseBreaches!: number;
  @ApiProperty({ description: 'Decisions missed in the period' }) resolutionBreaches!: number;
  @ApiProperty({ type: [ModeratorLoadView] }) moderators!: ModeratorLoadView[];
}
