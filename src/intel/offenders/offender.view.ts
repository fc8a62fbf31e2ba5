import { ApiProperty } from '@nestjs/swagger';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../identifiers/identifier-kind';
import { MoneyDto } from '../../cases/case.dto';
import { EXCLUSION_REASONS, type ExclusionReason } from './offender-member.entity';

export class OffenderIdentifierView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IDENTIFIER_KINDS }) kind!: IdentifierKind;
  @ApiProperty({ description: 'Platform or payment provider; empty for other kinds' })
  scope!: string;
  @ApiProperty({ description: 'Canonical value' }) value!: string;
  @ApiProperty({ description: 'Reported parties it was linked from' }) partyCount!: number;
}

export class OffenderSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '0 to 100; the formula is in the README' }) riskScore!: number;
  @ApiProperty() repeatOffender!: boolean;
  @ApiProperty({ description: 'Distinct shops: its victims; accounts of one shop count once' })
  sellerCount!: number;
  @ApiProperty({ description: 'Those of its victims’ shops that a moderator verified' })
  verifiedSellerCount!: number;
  @ApiProperty() caseCount!: number;
  @ApiProperty({ description: 'Of its cases, those a moderator upheld: the link confirmed' })
  upheldCases!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstSeenAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeenAt!: string | null;
  @ApiProperty({ type: [MoneyDto], description: 'Demanded across its victims, per currency' })
  totalDemanded!: MoneyDto[];
  @ApiProperty({ type: [MoneyDto] }) totalPaid!: MoneyDto[];
  @ApiProperty({ type: [String] }) caseTypes!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) flaggedAt!: string | null;
}

export class OffenderCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'uuid' }) sellerId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OffenderView extends OffenderSummaryView {
  @ApiProperty({ type: [OffenderIdentifierView] }) identifiers!: OffenderIdentifierView[];
  @ApiProperty({ type: [OffenderCaseView] }) cases!: OffenderCaseView[];
}

export class OffenderPageView {
  @ApiProperty({ type: [OffenderSummaryView] }) items!: OffenderSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class IdentifierLookupView {
  @ApiProperty({ type: OffenderIdentifierView }) identifier!: OffenderIdentifierView;
  @ApiProperty({ enum: EXCLUSION_REASONS, nullable: true, description: 'Why it links nobody' })
  excluded!: ExclusionReason | null;
  @ApiProperty({ type: OffenderSummaryView, nullable: true }) offender!: OffenderSummaryView | null;
}

export class ExcludedIdentifierView extends OffenderIdentifierView {
  @ApiProperty({ enum: EXCLUSION_REASONS }) excluded!: ExclusionReason;
}

export class ExcludedIdentifierPageView {
  @ApiProperty({ type: [ExcludedIdentifierView] }) items!: ExcludedIdentifierView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
