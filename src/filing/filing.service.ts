import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user';
import type { CreatedCaseView } from '../cases/case.view';
import { CaseAttachment, CasesService } from '../cases/cases.service';
import type { Outcome } from '../common/idempotency/idempotency.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvidenceService, UploadedFile } from '../evidence/evidence.service';
import { readCaseFiling } from './case-filing';

/**
 * Filing a complaint with whatever files its form carries: the case and its evidence commit in
 * one transaction. It sits above cases and evidence, so neither depends on the other.
 */
@Injectable()
export class FilingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly evidence: EvidenceService,
  ) {}

  async file(
    seller: AuthUser,
    request: Request,
    files: UploadedFile[],
    idempotencyKey: string | undefined,
  ): Promise<Outcome<CreatedCaseView>> {
    const filing = await readCaseFiling(request, this.config.cases);
    return this.cases.create(
      seller,
      filing.dto,
      idempotencyKey,
      filing.renameField,
      files.length > 0 ? () => this.attachmentOf(seller, files) : undefined,
    );
  }

  /**
   * Files checked and stored before the transaction, once the case's fields are accepted; their
   * rows join the new case's.
   */
  private async attachmentOf(seller: AuthUser, files: UploadedFile[]): Promise<CaseAttachment> {
    const accepted = await this.evidence.accept(files, undefined);
    return {
      fingerprint: accepted.map((file) => file.sha256),
      attach: async (manager, kase) =>
        (await this.evidence.attach(manager, seller, kase, accepted)).map((item) => ({
          id: item.id,
          status: item.status,
        })),
    };
  }
}
