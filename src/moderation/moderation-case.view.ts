import { ApiProperty } from '@nestjs/swagger';
import { CaseEventPageView, CaseEventView, CaseView, MessagePageView } from '../cases/case.view';
import { EvidenceView } from '../evidence/evidence.view';
import { RelatedCaseView } from '../intel/related/related-case.view';
import { OffenderSummaryView } from '../intel/offenders/offender.view';
import { MODERATION_ACTIONS, ModerationAction } from './open-moves';

/** How the filing seller's earlier complaints were decided. */
export class ReporterRecordView {
  @ApiProperty() filed!: number;
  @ApiProperty({ description: 'Not decided yet' }) open!: number;
  @ApiProperty() upheld!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() duplicate!: number;
  @ApiProperty() withdrawn!: number;
}

/** A duplicate merged into the case, with its evidence: one incident, seen in one place. */
export class MergedCaseView {
  @ApiProperty({ type: CaseView }) case!: CaseView;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
}

/** Everything a console needs to render one case, from one call. */
export class ModerationCaseView {
  @ApiProperty({ type: CaseView }) case!: CaseView;
  @ApiProperty({ type: [EvidenceView], description: 'With processing state and what was read' })
  evidence!: EvidenceView[];
  @ApiProperty({ type: [OffenderSummaryView], description: 'The offenders it names' })
  offenders!: OffenderSummaryView[];
  @ApiProperty({ type: [RelatedCaseView], description: 'Related cases, with why' })
  related!: RelatedCaseView[];
  @ApiProperty({ type: [MergedCaseView], description: 'Duplicates merged into it' })
  merged!: MergedCaseView[];
  @ApiProperty({ type: ReporterRecordView }) reporter!: ReporterRecordView;
  @ApiProperty({ type: [CaseEventView], description: 'Internal notes, oldest first' })
  notes!: CaseEventView[];
  @ApiProperty({ type: CaseEventPageView, description: 'The first page of the whole timeline' })
  timeline!: CaseEventPageView;
  @ApiProperty({ type: MessagePageView, description: 'The first page of the conversation' })
  messages!: MessagePageView;
  @ApiProperty({
    enum: MODERATION_ACTIONS,
    isArray: true,
    description: 'What the caller may do with the case now; the routes accept exactly these',
  })
  openMoves!: ModerationAction[];
}
