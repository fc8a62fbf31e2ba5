import { Injectable, MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import { DatabaseNotifications } from '../../database/database-notifications';
import { EvidenceRepository } from '../evidence.repository';
import { CASE_PROGRESS_CHANNEL } from '../../cases/case-progress-channel';

/** A look even without a poke: pokes are lost while the LISTEN connection reconnects. */
const RESYNC_MS = 15_000;

export interface EvidenceProgress {
  id: string;
  status: string;
  error: string | null;
}

/**
 * A case's evidence as a stream of changes, for a seller watching uploads being processed: first
 * every item, then each item whose status moves, plus a `ping` on quiet intervals.
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
    return new Observable<MessageEvent>((subscriber) => {
      const sent = new Map<string, string>();
      let looking = Promise.resolve();
      const look = (ping: boolean) => {
        looking = looking
          .then(async () => {
            let changed = false;
            for (const item of await this.evidence.progressOfCase(kase.id)) {
              const state = `${item.status}:${item.error ?? ''}`;
              if (sent.get(item.id) === state) continue;
              sent.set(item.id, state);
              changed = true;
              subscriber.next({ type: 'evidence', id: item.id, data: item });
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
