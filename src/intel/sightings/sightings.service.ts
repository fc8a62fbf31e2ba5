import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { CaseEventsRepository } from '../../cases/case-events.repository';
import type { SightingStatus } from '../../identifiers/sighting.entity';
import { ProblemException } from '../../common/problem/problem.exception';
import { OutboxEvent } from '../../jobs/job-names';
import { OutboxService } from '../../jobs/outbox.service';
import { OffenderLinkerService } from '../linking/offender-linker.service';
import type { SightingView } from './sighting.view';
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
    private readonly events: CaseEventsRepository,
    private readonly outbox: OutboxService,
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
    status: SightingStatus,
  ): Promise<SightingView> {
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
      await this.events.append(manager, {
        caseId: sighting.caseId,
        actorId: moderator.id,
        kind: status === 'confirmed' ? 'sighting_confirmed' : 'sighting_rejected',
        visibility: 'internal',
        data: { sightingId: sighting.id, kind: sighting.kind, value: sighting.value },
      });
      await this.outbox.publish(manager, OutboxEvent.SightingReviewed, {
        sightingId: sighting.id,
        caseId: sighting.caseId,
        status,
      });
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
