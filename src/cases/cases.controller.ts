import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowApiKey, Roles } from '../auth/access.decorators';
import { Caller, CurrentCaller } from '../auth/api-key-caller';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ApiNotModified } from '../common/http/api-not-modified.decorator';
import { CaseListQueryDto } from './case-body.dto';
import { CasePageView, CaseStatusView, CaseView } from './case.view';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

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
