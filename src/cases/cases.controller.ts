import {
  Controller,
  Get,
  Inject,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowApiKey, Roles } from '../auth/access.decorators';
import { Caller, CurrentCaller } from '../auth/api-key-caller';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import {
  IdempotencyKey,
  IDEMPOTENCY_HEADER,
} from '../common/idempotency/idempotency-key.decorator';
import { MultipartFieldsInterceptor } from '../common/http/multipart.interceptor';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ApiNotModified } from '../common/http/api-not-modified.decorator';
import { CaseListQueryDto } from './case-body.dto';
import { readCaseFiling } from './case-filing';
import { applyOutcome } from './case-response';
import { CreateCaseDto } from './case.dto';
import { CasePageView, CaseStatusView, CaseView, CreatedCaseView } from './case.view';
import { CasesService } from './cases.service';

/** A form field holds at most a 10,000-character description in UTF-8 Chinese, 3 bytes a character. */
const CASE_FORM_LIMITS = { fields: 200, parts: 200, fieldSize: 64 * 1024, fieldNameSize: 100 };

@ApiTags('cases')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('v1/cases')
export class CasesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
  ) {}

  @Post()
  @Roles('seller')
  @UseInterceptors(MultipartFieldsInterceptor(CASE_FORM_LIMITS))
  @ApiOperation({
    summary: 'File a complaint, as JSON or as a plain HTML form',
    description:
      'A form sends the scalar fields flat (amountDemanded and currency apart) and one reported party as repeatable platformAccount, qq, wechat, phone, email, paymentAccount (with paymentProvider) and url fields; orderId repeats too.',
  })
  @ApiConsumes('application/json', 'multipart/form-data', 'application/x-www-form-urlencoded')
  @ApiBody({ type: CreateCaseDto })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false })
  @ApiCreatedResponse({ type: CreatedCaseView })
  @ApiProblems(400, 403, 409, 413, 415, 422)
  async create(
    @CurrentUser() seller: AuthUser,
    @Req() request: Request,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedCaseView> {
    const filing = await readCaseFiling(request, this.config.cases);
    const outcome = await this.cases.create(seller, filing.dto, key, filing.renameField);
    response.setHeader('Location', `/v1/cases/${outcome.body.id}`);
    return applyOutcome(response, outcome);
  }

  @Get()
  @ApiOperation({ summary: 'Cases, newest first: a seller sees their own, moderators all' })
  @ApiOkResponse({ type: CasePageView })
  @ApiProblems(400, 422)
  list(@CurrentUser() caller: AuthUser, @Query() query: CaseListQueryDto): Promise<CasePageView> {
    return this.cases.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case, by id or reference; another seller’s case is 404' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotModified()
  @ApiProblems(404)
  async get(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const { view, etag } = await this.cases.get(caller, id);
    response.setHeader('ETag', etag);
    return view;
  }

  @Get(':id/status')
  @AllowApiKey('cases:read')
  @ApiSecurity('apiKey')
  @ApiOperation({ summary: 'The status of a case, for integrations; If-None-Match gives 304' })
  @ApiOkResponse({ type: CaseStatusView })
  @ApiNotModified()
  @ApiProblems(403, 404)
  async status(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseStatusView> {
    const { view, etag } = await this.cases.status(caller, id);
    response.setHeader('ETag', etag);
    return view;
  }

  @Post(':id/withdraw')
  @Roles('seller')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your case while it is not resolved' })
  @ApiOkResponse({ type: CaseView })
  @ApiProblems(403, 404, 409)
  withdraw(@CurrentUser() seller: AuthUser, @Param('id') id: string): Promise<CaseView> {
    return this.cases.withdraw(seller, id);
  }
}
