import { Injectable, MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import { allows, caseSubject } from '../../auth/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import { DatabaseNotifications } from '../../database/database-notifications';
import { analysisStateOf } from '../analysis/evidence-analysis';
import { EvidenceRepository } from '../evidence.repository';
import { analysisEventsOf } from './analysis-events';
import { CASE_PROGRESS_CHANNEL } from '../../cases/case-progress-channel';

/** A look even without a poke: pokes are lost while the LISTEN connection reconnects. */
const RESYNC_MS = 15_000;

/**
 * A case's evidence as a stream of changes, for a seller watching uploads being processed and
 * analysed: first every item with the analysis steps it has finished, then each item whose status
 * or analysis state moves and each step as it finishes, plus a `ping` on quiet intervals.
 */
@Injectable()
export class EvidenceProgressService {
  constructor(
    private readonly cases: CasesService,
    private readonly evidence: EvidenceRepository,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async watch(caller: AuthUser, idOrReference: string): Promise<Observable<MessageEvent>> {
    const kase = await this.cases.require(caller, 'evidence.read', idOrReference);
    const forStaff = allows(caller, 'case.read-internal', caseSubject(kase));
    return new Observable<MessageEvent>((subscriber) => {
      const sent = new Map<string, string>();
      const stepsSent = new Set<string>();
      let looking = Promise.resolve();
      const look = (ping: boolean) => {
        looking = looking
          .then(async () => {
            let changed = false;
            for (const item of await this.evidence.progressOfCase(kase.id)) {
              const progress = {
                id: item.id,
                status: item.status,
                error: item.error,
                analysis: analysisStateOf(item),
              };
              const seen = `${progress.status}:${progress.error ?? ''}:${progress.analysis}`;
              if (sent.get(item.id) !== seen) {
                sent.set(item.id, seen);
                changed = true;
                subscriber.next({ type: 'evidence', id: item.id, data: progress });
              }
              for (const step of analysisEventsOf(item, forStaff)) {
                if (stepsSent.has(`${item.id} ${step.type}`)) continue;
                stepsSent.add(`${item.id} ${step.type}`);
                changed = true;
                subscriber.next(step);
              }
            }
            if (ping && !changed) subscriber.next({ type: 'ping', data: {} });
          })
          .catch((error: unknown) => subscriber.error(error));
      };
      let stop: (() => void) | undefined;
      let closed = false;
      this.notifications
        .listen(CASE_PROGRESS_CHANNEL, (caseId) => {
          if (caseId === kase.id) look(false);
        })
        .then((unlisten) => {
          if (closed) unlisten();
          else stop = unlisten;
          look(false);
        })
        .catch((error: unknown) => subscriber.error(error));
      const timer = setInterval(() => look(true), RESYNC_MS);
      return () => {
        closed = true;
        clearInterval(timer);
        stop?.();
      };
    });
  }
}
