import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../../common/clock';
import { UuidParam } from '../../common/http/uuid-param';
import { ProblemException } from '../../common/problem/problem.exception';
import { CampaignListQueryDto } from '../../intel/campaigns/campaign-query.dto';
import { CampaignsService } from '../../intel/campaigns/campaigns.service';
import {
  IdentifierLookupQueryDto,
  OffenderListQueryDto,
} from '../../intel/offenders/offender-query.dto';
import { OffendersService } from '../../intel/offenders/offenders.service';
import { ModerationStatsService } from '../../moderation/moderation-stats.service';
import { ModerationStatsQueryDto } from '../../moderation/moderation-stats.dto';
import { QueueQueryDto } from '../../moderation/queue-query.dto';
import { QueueService } from '../../moderation/queue.service';
import { localiseFieldErrors } from '../render/field-messages';
import { emptyForm } from '../render/form';
import { sendPage } from '../render/send-page';
import { formValues, validateForm } from '../render/validate-form';
import { WebPages } from '../session/web-access.decorator';
import { contextOf, WebRequest } from '../session/web-context';
import { CampaignPage, CampaignsPage } from './campaigns.page';
import { FiguresPage } from './figures.page';
import { LookupPage } from './lookup.page';
import { OffenderPage, OffendersPage } from './offenders.page';
import { QueuePage } from './queue.page';

/** A query string as its DTO, the empty fields of a GET form left out; a bad one is a 400. */
async function queryOf<T extends object>(dto: new () => T, query: Record<string, unknown>) {
  const filled = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
  const valid = await validateForm(dto, filled);
  if (!valid.ok) throw new ProblemException(400, 'The page address has invalid parameters.');
  return valid.dto;
}

/** The console's reading pages: the queue, offenders, campaigns, look-up and figures. */
@ApiExcludeController()
@WebPages('moderator', 'admin')
@Controller('console')
export class ConsoleController {
  constructor(
    private readonly queue: QueueService,
    private readonly offenders: OffendersService,
    private readonly campaigns: CampaignsService,
    private readonly stats: ModerationStatsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async queuePage(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Query() raw: Record<string, unknown>,
  ) {
    const query = await queryOf(QueueQueryDto, raw);
    const page = await this.queue.page(request.user!, query);
    sendPage(
      request,
      response,
      200,
      QueuePage({ ctx: contextOf(request), page, query, now: this.clock.now() }),
    );
  }

  @Get('offenders')
  async offenderList(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Query() raw: Record<string, unknown>,
  ) {
    const page = await this.offenders.list(request.user!, await queryOf(OffenderListQueryDto, raw));
    sendPage(request, response, 200, OffendersPage({ ctx: contextOf(request), page }));
  }

  @Get('offenders/:id')
  async offender(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('id', UuidParam()) id: string,
  ) {
    const offender = await this.offenders.get(request.user!, id);
    sendPage(request, response, 200, OffenderPage({ ctx: contextOf(request), offender }));
  }

  @Get('campaigns')
  async campaignList(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Query() raw: Record<string, unknown>,
  ) {
    const page = await this.campaigns.list(request.user!, await queryOf(CampaignListQueryDto, raw));
    sendPage(request, response, 200, CampaignsPage({ ctx: contextOf(request), page }));
  }

  @Get('campaigns/:id')
  async campaign(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('id', UuidParam()) id: string,
  ) {
    const campaign = await this.campaigns.get(request.user!, id);
    sendPage(request, response, 200, CampaignPage({ ctx: contextOf(request), campaign }));
  }

  @Get('lookup')
  async lookup(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Query() raw: Record<string, unknown>,
  ) {
    const ctx = contextOf(request);
    if (raw.value === undefined) {
      return sendPage(request, response, 200, LookupPage({ ctx, form: emptyForm() }));
    }
    const values = formValues(raw);
    const valid = await validateForm(IdentifierLookupQueryDto, raw);
    if (!valid.ok) {
      const form = { values, errors: localiseFieldErrors(ctx.m, valid.errors) };
      return sendPage(request, response, 422, LookupPage({ ctx, form }));
    }
    try {
      const found = await this.offenders.lookup(request.user!, valid.dto);
      sendPage(request, response, 200, LookupPage({ ctx, form: { values, errors: [] }, found }));
    } catch (error) {
      if (error instanceof NotFoundException) {
        return sendPage(
          request,
          response,
          200,
          LookupPage({ ctx, form: { values, errors: [] }, found: null }),
        );
      }
      if (error instanceof ProblemException && error.getStatus() === 422) {
        const form = { values, errors: localiseFieldErrors(ctx.m, error.errors) };
        return sendPage(request, response, 422, LookupPage({ ctx, form }));
      }
      throw error;
    }
  }

  @Get('figures')
  async figures(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Query() raw: Record<string, unknown>,
  ) {
    const stats = await this.stats.over(request.user!, await queryOf(ModerationStatsQueryDto, raw));
    sendPage(request, response, 200, FiguresPage({ ctx: contextOf(request), stats }));
  }
}
