import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { CaseView } from '../cases/case.view';
import { CasesService } from '../cases/cases.service';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { CaseMovesService } from './case-moves.service';
import { ClaimsService } from './claims.service';
import { AssignDto, MergeDto, ReasonDto, RequestInfoDto, ResolveDto } from './moderation.dto';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The ETag the caller last read; a case changed since is 412',
};

/**
 * Working a case: claims and the moves of the state machine. Each answers with the case as the
 * caller now sees it and its new ETag.
 */
@ApiTags('moderation')
@ApiBearerAuth()
@ApiHeader(IF_MATCH)
@ApiProblems(400, 401, 403, 404, 409, 412)
@Controller('v1/cases/:id')
export class ModerationController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly moves: CaseMovesService,
    private readonly cases: CasesService,
  ) {}

  @Post('claim')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Claim the case, or renew your claim; another moderator’s claim is 409',
  })
  @ApiOkResponse({ type: CaseView })
  async claim(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    return this.answer(moderator, await this.claims.claim(moderator, id, ifMatch), response);
  }

  @Post('release')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the case back to the queue (its holder, or an admin)' })
  @ApiOkResponse({ type: CaseView })
  async release(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    return this.answer(moderator, await this.claims.release(moderator, id, ifMatch), response);
  }

  @Post('assign')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the case to a moderator or admin' })
  @ApiOkResponse({ type: CaseView })
  @ApiProblems(422)
  async assign(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() dto: AssignDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const caseId = await this.claims.assign(actor, id, dto.moderatorId, ifMatch);
    return this.answer(actor, caseId, response);
  }

  @Post('request-info')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ask the seller for more; the case awaits their answer (claim holder only)',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiProblems(422)
  async requestInfo(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Body() dto: RequestInfoDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const caseId = await this.moves.requestInfo(moderator, id, dto, ifMatch);
    return this.answer(moderator, caseId, response);
  }

  @Post('escalate')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Escalate the case; the reason is an internal note (claim holder only)',
  })
  @ApiOkResponse({ type: CaseView })
  async escalate(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const caseId = await this.moves.escalate(moderator, id, dto, ifMatch);
    return this.answer(moderator, caseId, response);
  }

  @Post('mark-separate')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A likely duplicate is a separate incident after all: it counts toward the repeat rule',
  })
  @ApiOkResponse({ type: CaseView })
  async markSeparate(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const caseId = await this.moves.markSeparate(moderator, id, dto, ifMatch);
    return this.answer(moderator, caseId, response);
  }

  @Post('resolve')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide the case with an outcome, a summary the seller reads and actions',
  })
  @ApiOkResponse({ type: CaseView })
  async resolve(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Body() dto: ResolveDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const caseId = await this.moves.resolve(moderator, id, dto, ifMatch);
    return this.answer(moderator, caseId, response);
  }

  @Post('merge')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resolve the case as a duplicate of another, which takes over (claim holder only)',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiProblems(422)
  async merge(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Body() dto: MergeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const caseId = await this.moves.merge(moderator, id, dto, ifMatch);
    return this.answer(moderator, caseId, response);
  }

  @Post('reopen')
  @Roles('moderator', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a decided case back into review; you hold it' })
  @ApiOkResponse({ type: CaseView })
  async reopen(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const caseId = await this.moves.reopen(moderator, id, dto, ifMatch);
    return this.answer(moderator, caseId, response);
  }

  @Post('appeal')
  @Roles('seller')
  @HttpCode(200)
  @ApiOperation({ summary: 'Contest the decision on your case: once, within the window' })
  @ApiOkResponse({ type: CaseView })
  async appeal(
    @CurrentUser() seller: AuthUser,
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    return this.answer(seller, await this.moves.appeal(seller, id, dto, ifMatch), response);
  }

  private async answer(caller: AuthUser, caseId: string, response: Response): Promise<CaseView> {
    const { view, etag } = await this.cases.get(caller, caseId);
    response.setHeader('ETag', etag);
    return view;
  }
}
