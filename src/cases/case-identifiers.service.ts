import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { AuthUser } from '../auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { IdentifiersRepository } from '../identifiers/identifiers.repository';
import { normalizeIdentifier } from '../identifiers/normalize-identifier';
import { SightingsRepository } from '../identifiers/sightings.repository';
import type { SightingView } from '../identifiers/sighting.view';
import type { AddIdentifierDto } from './case-correction.dto';
import { CasePartiesRepository } from './case-parties.repository';
import { CaseWriter } from './case-writer';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/**
 * Identifiers added by hand to a case: what the seller forgot to type or OCR missed. Each is a
 * sighting of its own source, linked by the job its timeline entry starts.
 */
@Injectable()
export class CaseIdentifiersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly parties: CasePartiesRepository,
    private readonly identifiers: IdentifiersRepository,
    private readonly sightings: SightingsRepository,
    private readonly writer: CaseWriter,
  ) {}

  async add(caller: AuthUser, idOrReference: string, dto: AddIdentifierDto): Promise<SightingView> {
    const found = await this.cases.require(caller, 'case.add-identifier', idOrReference);
    const normalized = normalizeIdentifier(
      {
        kind: dto.kind,
        value: dto.value,
        platform: dto.kind === 'platform_account' ? (dto.platform ?? found.platform) : dto.platform,
        provider: dto.provider,
      },
      { defaultRegion: this.config.cases.phoneDefaultRegion },
    );
    if (!normalized.ok) {
      throw new ProblemException(422, 'The identifier cannot be accepted; see errors.', [
        { field: normalized.field, message: normalized.message },
      ]);
    }
    const { partyIds } = await this.parties.findOfCase(found.id);
    if (dto.partyId !== undefined && !partyIds.includes(dto.partyId.toLowerCase())) {
      throw new ProblemException(422, 'The party is not one of this case.', [
        { field: 'partyId', message: 'is not a party of this case' },
      ]);
    }
    const source = caller.role === 'seller' ? 'seller_amendment' : 'moderator';
    const identifier = normalized.identifier;
    return this.caseRows.lockAndRun(found.id, async (manager, locked) => {
      await this.identifiers.insertMissing(manager, [identifier]);
      const sightingId = await this.sightings.insertAdded(
        manager,
        locked.id,
        dto.partyId?.toLowerCase() ?? null,
        identifier,
        source,
      );
      if (sightingId === undefined) {
        throw new ProblemException(409, 'The case already holds this identifier there.');
      }
      await this.writer.apply(
        manager,
        locked,
        {
          kind: 'identifier_added',
          sightingId,
          identifierKind: identifier.kind,
          display: identifier.display,
          source,
          reason: dto.reason,
        },
        caller.id,
      );
      const sighting = await this.sightings.findForUpdate(manager, sightingId);
      if (!sighting) throw new Error(`Sighting ${sightingId} vanished`);
      return sighting;
    });
  }
}
