import { Controller, Inject, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { CASE_FORM_FIELD_LIMITS, readCaseFiling } from '../cases/case-filing';
import { applyOutcome } from '../cases/case-response';
import { CreateCaseDto } from '../cases/case.dto';
import { CreatedCaseView } from '../cases/case.view';
import { CaseAttachment, CasesService } from '../cases/cases.service';
import {
  IdempotencyKey,
  IDEMPOTENCY_HEADER,
} from '../common/idempotency/idempotency-key.decorator';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvidenceService, UploadedFile } from './evidence.service';
import { EvidenceFilesInterceptor } from './upload/evidence-files.interceptor';

/**
 * Filing a complaint. It lives beside the evidence because a form may carry files: the case and
 * its evidence commit in one transaction, and the cases module does not depend on this one.
 */
@ApiTags('cases')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('v1/cases')
export class CaseFilingController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly evidence: EvidenceService,
  ) {}

  @Post()
  @Roles('seller')
  @UseInterceptors(
    EvidenceFilesInterceptor({ fields: CASE_FORM_FIELD_LIMITS, multipartOnly: false }),
  )
  @ApiOperation({
    summary: 'File a complaint, as JSON or as a plain HTML form with its evidence files',
    description:
      'A form sends the scalar fields flat (amountDemanded and currency apart), one reported party as repeatable platformAccount, qq, wechat, phone, email, paymentAccount (with paymentProvider) and url fields, orderId repeated, and evidence in files; each file’s kind is decided by its bytes. The case and its evidence are stored together or not at all.',
  })
  @ApiConsumes('application/json', 'multipart/form-data', 'application/x-www-form-urlencoded')
  @ApiBody({ type: CreateCaseDto })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false })
  @ApiCreatedResponse({ type: CreatedCaseView })
  @ApiProblems(400, 403, 409, 413, 415, 422)
  async create(
    @CurrentUser() seller: AuthUser,
    @Req() request: Request,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedCaseView> {
    const filing = await readCaseFiling(request, this.config.cases);
    const attachment = files?.length ? await this.attachmentOf(seller, files) : undefined;
    const outcome = await this.cases.create(
      seller,
      filing.dto,
      key,
      filing.renameField,
      attachment,
    );
    response.setHeader('Location', `/v1/cases/${outcome.body.id}`);
    return applyOutcome(response, outcome);
  }

  private async attachmentOf(seller: AuthUser, files: UploadedFile[]): Promise<CaseAttachment> {
    const accepted = await this.evidence.accept(files, undefined);
    return {
      fingerprint: accepted.map((file) => file.sha256),
      attach: async (manager, kase) =>
        (await this.evidence.attach(manager, seller, kase.id, accepted)).map((item) => ({
          id: item.id,
          status: item.status,
        })),
    };
  }
}
