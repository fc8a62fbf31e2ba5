import { Controller, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
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
import { CASE_FORM_FIELD_LIMITS } from './case-filing';
import { applyOutcome } from '../cases/case-response';
import { CreateCaseDto } from '../cases/case.dto';
import { CreatedCaseView } from '../cases/case.view';
import {
  IdempotencyKey,
  IDEMPOTENCY_HEADER,
} from '../common/idempotency/idempotency-key.decorator';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import type { UploadedFile } from '../evidence/evidence.service';
import { EvidenceFilesInterceptor } from '../evidence/upload/evidence-files.interceptor';
import { FilingService } from './filing.service';

/** Filing a complaint, as JSON or as a plain HTML form with its evidence files. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('v1/cases')
export class CaseFilingController {
  constructor(private readonly filing: FilingService) {}

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
    const outcome = await this.filing.file(seller, request, files ?? [], key);
    response.setHeader('Location', `/v1/cases/${outcome.body.id}`);
    return applyOutcome(response, outcome);
  }
}
