import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ShopView } from '../accounts/user.dto';
import { PLATFORMS, Platform } from '../common/platform';
import { PlatformGuidanceView } from '../guidance/guidance.view';
import {
  CASE_EVENT_KINDS,
  CaseEventKind,
  EVENT_VISIBILITIES,
  EventVisibility,
} from './case-event.entity';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CaseOutcome,
  CaseStatus,
  DEMAND_CHANNELS,
  DemandChannel,
  RESOLUTION_ACTIONS,
  ResolutionAction,
} from './case-status';
import { CASE_TYPES, CaseType } from './case-type';
import { MoneyDto } from './case.dto';
import {
  IDENTIFIER_KINDS,
  IdentifierKind,
  PAYMENT_PROVIDERS,
  PaymentProvider,
} from '../identifiers/identifier-kind';

export class IdentifierView {
  @ApiProperty({ enum: IDENTIFIER_KINDS }) kind!: IdentifierKind;
  @ApiProperty({ description: 'Canonical: E.164 phones, lower-case emails and WeChat IDs ...' })
  value!: string;
  @ApiProperty({ description: 'What the seller typed' }) display!: string;
  @ApiPropertyOptional({ enum: PLATFORMS }) platform?: Platform;
  @ApiPropertyOptional({ enum: PAYMENT_PROVIDERS }) provider?: PaymentProvider;
}

export class ReportedPartyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [IdentifierView] }) identifiers!: IdentifierView[];
}

export class PayeeAccountView {
  @ApiProperty({ enum: PAYMENT_PROVIDERS }) provider!: PaymentProvider;
  @ApiProperty() value!: string;
  @ApiProperty() display!: string;
}

export class EvidenceSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() status!: string;
}

/** Whether the case's evidence has all been analysed. */
export class CaseAnalysisView {
  @ApiProperty({
    description:
      'Evidence whose analysis (OCR, extraction, linking) has not finished, files being processed included',
  })
  pending!: number;
  @ApiProperty({ description: 'Evidence whose analysis has finished' }) done!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the last analysis finished, once none is pending; null while one is, or when no evidence is analysed. Files that get no analysis (rejected ones, recordings, PDFs) count in neither.',
  })
  analysedAt!: string | null;
}

export class CaseSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'BW-7K3D9Q' }) reference!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: CaseOutcome | null;
  @ApiProperty({ enum: CASE_TYPES }) type!: CaseType;
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ description: 'Moderators and admins only: triage priority' })
  priority?: number;
  @ApiProperty({
    description:
      'The accused is linked to another report that a moderator upheld (no details are shown)',
  })
  reportedElsewhere!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** Who filed a case, for staff only. */
export class CaseSellerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: ShopView, nullable: true }) shop!: ShopView | null;
}

/** A decision's reasons, as the seller reads them. */
export class ResolutionView {
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: RESOLUTION_ACTIONS, isArray: true }) actions!: ResolutionAction[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
}

export class AssigneeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

/** Who works the case and until when their claim runs, for staff only. */
export class AssignmentView {
  @ApiProperty({ type: AssigneeView }) assignee!: AssigneeView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  claimExpiresAt!: string | null;
}

/** The case's service levels: when it must be answered and decided, and whether it missed one. */
export class ServiceLevelView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstResponseAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolutionDueAt!: string | null;
  @ApiProperty({ description: 'A service level was missed, or is past now' }) breached!: boolean;
}

export class LikelyDuplicateView {
  @ApiProperty({ format: 'uuid', description: 'The first case of the incident' }) of!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a moderator found it a separate incident, which counts after all',
  })
  markedSeparateAt!: string | null;
}

export class CaseView extends CaseSummaryView {
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) incidentAt!: string | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) amountDemanded!: MoneyDto | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) amountPaid!: MoneyDto | null;
  @ApiProperty({ enum: DEMAND_CHANNELS, nullable: true }) demandChannel!: DemandChannel | null;
  @ApiProperty({ type: PayeeAccountView, nullable: true }) payeeAccount!: PayeeAccountView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  demandDeadline!: string | null;
  @ApiProperty({ type: [String] }) orderIds!: string[];
  @ApiProperty({ type: [ReportedPartyView] }) reported!: ReportedPartyView[];
  @ApiProperty({ type: [EvidenceSummaryView] }) evidence!: EvidenceSummaryView[];
  @ApiProperty({ type: CaseAnalysisView }) analysis!: CaseAnalysisView;
  @ApiProperty({ type: ResolutionView, nullable: true }) resolution!: ResolutionView | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the seller may appeal the decision; null when they may not',
  })
  appealableUntil!: string | null;
  @ApiPropertyOptional({
    type: AssignmentView,
    nullable: true,
    description: 'Moderators and admins only: the claim on the case',
  })
  assignment?: AssignmentView | null;
  @ApiPropertyOptional({
    type: ServiceLevelView,
    description: 'Moderators and admins only: when the case must be answered and decided',
  })
  serviceLevel?: ServiceLevelView;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Moderators and admins only: the case this duplicate was merged into',
  })
  mergedInto?: string | null;
  @ApiPropertyOptional({
    type: LikelyDuplicateView,
    nullable: true,
    description:
      'Moderators and admins only: an earlier case by the same shop naming the same accused',
  })
  likelyDuplicate?: LikelyDuplicateView | null;
  @ApiPropertyOptional({
    type: CaseSellerView,
    description: 'Moderators and admins only: the seller who filed the case, and their shop',
  })
  seller?: CaseSellerView;
}

export class CreatedCaseView extends CaseView {
  @ApiProperty({
    type: PlatformGuidanceView,
    description: 'What to capture now, for this platform',
  })
  guidance!: PlatformGuidanceView;
}

export class CasePageView {
  @ApiProperty({ type: [CaseSummaryView] }) items!: CaseSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CaseStatusView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: CaseOutcome | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AuthorView {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Absent when a seller reads a message of staff: sellers never see staff ids',
  })
  id?: string;
  @ApiProperty() role!: string;
  @ApiProperty() displayName!: string;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: AuthorView }) author!: AuthorView;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MessagePageView {
  @ApiProperty({ type: [MessageView] }) items!: MessageView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CaseEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '1, 2, 3 … within the case, without gaps' }) sequence!: number;
  @ApiProperty({ enum: CASE_EVENT_KINDS }) kind!: CaseEventKind;
  @ApiProperty({ enum: EVENT_VISIBILITIES }) visibility!: EventVisibility;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for the system, and for staff when a seller reads the timeline',
  })
  actorId!: string | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class CaseEventPageView {
  @ApiProperty({ type: [CaseEventView] }) items!: CaseEventView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
