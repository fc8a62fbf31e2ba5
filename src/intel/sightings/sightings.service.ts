import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { requireAccess, PLATFORM } from '../../auth/access-policy';
import { CasesRepository } from '../../cases/cases.repository';
import { CaseWriter } from '../../cases/case-writer';
import type { SightingStatus } from '../../identifiers/sighting.entity';
import { ProblemException } from '../../common/problem/problem.exception';
import { OffenderLinkerService } from '../linking/offender-linker.service';
import type { SightingView } from '../../identifiers/sighting.view';
import { SightingsRepository } from '../../identifiers/sightings.repository';

/**
 * Moderators' review of what extraction found: a confirmed identifier stays, a rejected one (of
 * any source) stops linking and the offender it held together splits again.
 */
@Injectable()
export class SightingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sightings: SightingsRepository,
    private readonly linker: OffenderLinkerService,
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
  ) {}

  confirm(moderator: AuthUser, id: string): Promise<SightingView> {
    return this.review(moderator, id, 'confirmed');
  }

  reject(moderator: AuthUser, id: string): Promise<SightingView> {
    return this.review(moderator, id, 'rejected');
  }

  /** Sets the status once; asking again for the status it has answers it unchanged. */
  private async review(
    moderator: AuthUser,
    id: string,
    status: Exclude<SightingStatus, 'active'>,
  ): Promise<SightingView> {
    requireAccess(moderator, 'sighting.review', PLATFORM);
    return this.dataSource.transaction(async (manager) => {
      await this.linker.takeTurn(manager);
      const sighting = await this.sightings.findForUpdate(manager, id);
      if (!sighting) throw new NotFoundException('No such sighting.');
      if (sighting.status === status) return sighting;
      refuseConfirming(sighting, status);
      await this.sightings.setStatus(manager, sighting.id, status);
      if (status === 'rejected') {
        await this.linker.unlinkSighting(manager, sighting.identifierId, sighting.caseId);
      }
      await this.writer.apply(
        manager,
        await this.caseRows.lock(manager, sighting.caseId),
        {
          kind: 'sighting_reviewed',
          sightingId: sighting.id,
          status,
          identifierKind: sighting.kind,
          value: sighting.value,
        },
        moderator.id,
      );
      return { ...sighting, status };
    });
  }
}

/** Only extracted identifiers are confirmed, and a rejection is final. */
function refuseConfirming(sighting: SightingView, status: SightingStatus): void {
  if (status !== 'confirmed') return;
  if (sighting.source === 'seller') {
    throw new ProblemException(
      409,
      'The seller typed this identifier; only extracted ones are confirmed.',
    );
  }
  if (sighting.status === 'rejected') {
    throw new ProblemException(409, 'The identifier was rejected; a rejection is final.');
  }
}
