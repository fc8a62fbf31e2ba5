import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ActivityKind } from './account-activity.entity';

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class ActivityPageView {
  @ApiProperty({ type: [ActivityView] }) items!: ActivityView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
