import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus } from '../cases/case-status';
import { CASE_TYPES, CaseType } from '../cases/case-type';
import { AssigneeView, ServiceLevelView } from '../cases/case.view';
import { PLATFORMS, Platform } from '../common/platform';

export class PriorityTermView {
  @ApiProperty({ example: 'deadline' }) term!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ required: false, example: '6 h left' }) detail?: string;
}

/** What a moderator needs to pick a case without opening it. */
export class QueueBadgesView {
  @ApiProperty() repeatOffender!: boolean;
  @ApiProperty() campaign!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline!: string | null;
  @ApiProperty() appealed!: boolean;
  @ApiProperty({
    description: 'An appeal of a decision the caller made: another moderator should take it',
  })
  yourDecisionAppealed!: boolean;
  @ApiProperty({
    description:
      'Filed by the same shop about the same accused soon after another case: suggested for merge',
  })
  likelyDuplicate!: boolean;
}

export class VictimCountView {
  @ApiProperty({ description: 'Shops the case’s most widespread offender hit' }) shops!: number;
  @ApiProperty({ description: 'Those of them a moderator verified' }) verified!: number;
}

export class QueueSellerView {
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'date-time', description: 'When the account was opened' }) since!: string;
  @ApiProperty({ description: 'A moderator verified the filing shop' }) shopVerified!: boolean;
}

export class QueueItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CASE_TYPES }) type!: CaseType;
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty() priority!: number;
  @ApiProperty({ type: [PriorityTermView], description: 'The formula’s terms, which sum to it' })
  terms!: PriorityTermView[];
  @ApiProperty({ type: QueueBadgesView }) badges!: QueueBadgesView;
  @ApiProperty({ type: VictimCountView, nullable: true, description: 'Null until linked' })
  victims!: VictimCountView | null;
  @ApiProperty({ type: AssigneeView, nullable: true }) assignee!: AssigneeView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  claimExpiresAt!: string | null;
  @ApiProperty({ type: QueueSellerView }) seller!: QueueSellerView;
  @ApiProperty({ type: ServiceLevelView }) serviceLevel!: ServiceLevelView;
  @ApiProperty({ format: 'date-time' }) waitingSince!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class QueueCountsView {
  @ApiProperty() open!: number;
  @ApiProperty() in_review!: number;
  @ApiProperty() awaiting_seller!: number;
  @ApiProperty() escalated!: number;
}

/** Live figures of the filtered queue. */
export class QueueFiguresView {
  @ApiProperty({ description: 'Cases in the filtered queue' }) pending!: number;
  @ApiProperty({ description: 'Filed in the last 24 h' }) inboundLast24h!: number;
  @ApiProperty({ description: 'Decided in the last 24 h' }) actionedLast24h!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean seconds from filing to decision of those decided in the last 24 h',
  })
  averageHandlingSeconds!: number | null;
}

export class QueuePageView {
  @ApiProperty({ type: [QueueItemView] }) items!: QueueItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({
    type: QueueCountsView,
    nullable: true,
    description: 'On the first page of a walk: cases per status, the status filter aside',
  })
  counts!: QueueCountsView | null;
  @ApiProperty({
    type: QueueFiguresView,
    nullable: true,
    description: 'On the first page of a walk',
  })
  figures!: QueueFiguresView | null;
}
