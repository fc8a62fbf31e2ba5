import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CaseConversationService } from '../cases/case-conversation.service';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { MAX_PAGE_SIZE } from '../common/pagination/list-query.dto';
import { EvidenceService } from '../evidence/evidence.service';
import { OffendersService } from '../intel/offenders/offenders.service';
import { RelatedCasesService } from '../intel/related/related-cases.service';
import { MergedCaseView, ModerationCaseView } from './moderation-case.view';
import { openMoves } from './open-moves';
import { ReporterRecordsRepository } from './reporter-records.repository';

/** One case as a moderator's console shows it, each part through its own service's checks. */
@Injectable()
export class ModerationCaseService {
  constructor(
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly conversation: CaseConversationService,
    private readonly evidence: EvidenceService,
    private readonly offenders: OffendersService,
    private readonly related: RelatedCasesService,
    private readonly reporters: ReporterRecordsRepository,
    private readonly clock: Clock,
  ) {}

  private async mergedInto(moderator: AuthUser, caseId: string): Promise<MergedCaseView[]> {
    const ids = await this.caseRows.mergedInto(caseId);
    return Promise.all(
      ids.map(async (id) => ({
        case: (await this.cases.get(moderator, id)).view,
        evidence: (await this.evidence.listOfCase(moderator, id)).items,
      })),
    );
  }

  async view(
    moderator: AuthUser,
    idOrReference: string,
  ): Promise<{ view: ModerationCaseView; etag: string }> {
    const kase = await this.cases.require(moderator, 'case.read-internal', idOrReference);
    const firstPage = { limit: MAX_PAGE_SIZE };
    const [{ view, etag }, evidence, offenders, related, reporter, timeline, messages, merged] =
      await Promise.all([
        this.cases.get(moderator, kase.id),
        this.evidence.listOfCase(moderator, kase.id),
        this.offenders.ofCase(moderator, kase.id),
        this.related.relatedTo(moderator, kase.id),
        this.reporters.of(kase.sellerId),
        this.conversation.timeline(moderator, kase.id, firstPage),
        this.conversation.listMessages(moderator, kase.id, firstPage),
        this.mergedInto(moderator, kase.id),
      ]);
    return {
      etag,
      view: {
        case: view,
        evidence: evidence.items,
        offenders,
        related: related.items,
        merged,
        reporter,
        notes: timeline.items.filter((event) => event.kind === 'note_added'),
        timeline,
        messages,
        openMoves: openMoves(kase, moderator, this.clock.now()),
      },
    };
  }
}
