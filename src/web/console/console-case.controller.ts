import {
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PostMessageDto } from '../../cases/case-body.dto';
import { AddIdentifierDto } from '../../cases/case-correction.dto';
import { CaseConversationService } from '../../cases/case-conversation.service';
import { CaseIdentifiersService } from '../../cases/case-identifiers.service';
import { CasesService } from '../../cases/cases.service';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { ProblemException } from '../../common/problem/problem.exception';
import { EvidenceService } from '../../evidence/evidence.service';
import { UuidParam } from '../../common/http/uuid-param';
import { SightingsService } from '../../intel/sightings/sightings.service';
import { CaseMovesService } from '../../moderation/case-moves.service';
import { ClaimsService } from '../../moderation/claims.service';
import { ModerationCaseService } from '../../moderation/moderation-case.service';
import { ReasonDto, RequestInfoDto, ResolveDto } from '../../moderation/moderation.dto';
import { ReplyTemplatesService } from '../../moderation/templates/reply-templates.service';
import { localiseFieldErrors } from '../render/field-messages';
import type { FormState } from '../render/form';
import { evidenceImage } from '../render/evidence-image';
import { sendPage } from '../render/send-page';
import { formValues, validateForm } from '../render/validate-form';
import { CsrfInterceptor } from '../session/csrf.interceptor';
import { WebPages } from '../session/web-access.decorator';
import { contextOf, WebRequest } from '../session/web-context';
import { localPathOr } from '../session/web-sign-in';
import { ConsoleCasePage, ConsoleForm, ORDER_ROWS_SHOWN } from './console-case.page';

type Body = Record<string, unknown>;

/** The etag the case page was drawn from: a move against a case changed since is a 409. */
const etagOf = (body: Body): string | undefined => {
  const etag = body.etag;
  delete body.etag;
  return typeof etag === 'string' && etag !== '' ? etag : undefined;
};

/** The moderator console's case view and every move on it, through the API's services. */
@ApiExcludeController()
@WebPages('moderator', 'admin')
@Controller('console')
export class ConsoleCaseController {
  constructor(
    private readonly caseView: ModerationCaseService,
    private readonly cases: CasesService,
    private readonly claims: ClaimsService,
    private readonly moves: CaseMovesService,
    private readonly conversation: CaseConversationService,
    private readonly identifiers: CaseIdentifiersService,
    private readonly sightings: SightingsService,
    private readonly evidence: EvidenceService,
    private readonly templates: ReplyTemplatesService,
  ) {}

  @Get('cases/:reference')
  async show(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
    @Query('template') template: unknown,
  ): Promise<void> {
    await this.sendCase(request, response, reference, 200, undefined, template);
  }

  @Post('cases/:reference/claim')
  @UseInterceptors(CsrfInterceptor)
  async claim(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') ref: string,
  ) {
    const body = (request.body ?? {}) as Body;
    await this.claims.claim(request.user!, ref, etagOf(body));
    response.redirect(303, localPathOr(body.back, `/console/cases/${ref}`));
  }

  @Post('cases/:reference/release')
  @UseInterceptors(CsrfInterceptor)
  async release(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') ref: string,
  ) {
    await this.claims.release(request.user!, ref, etagOf(request.body as Body));
    response.redirect(303, `/console/cases/${ref}`);
  }

  @Post('cases/:reference/request-info')
  @UseInterceptors(CsrfInterceptor)
  requestInfo(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') ref: string,
  ) {
    return this.move(request, response, ref, 'request_info', RequestInfoDto, (dto, etag) =>
      this.moves.requestInfo(request.user!, ref, dto, etag),
    );
  }

  @Post('cases/:reference/escalate')
  @UseInterceptors(CsrfInterceptor)
  escalate(@Req() request: WebRequest, @Res() response: Response, @Param('reference') ref: string) {
    return this.move(request, response, ref, 'escalate', ReasonDto, (dto, etag) =>
      this.moves.escalate(request.user!, ref, dto, etag),
    );
  }

  @Post('cases/:reference/resolve')
  @UseInterceptors(CsrfInterceptor)
  resolve(@Req() request: WebRequest, @Res() response: Response, @Param('reference') ref: string) {
    const body = request.body as Body;
    // A form sends one checked box as a string, none as nothing.
    body.actions = body.actions === undefined ? [] : [body.actions].flat();
    return this.move(request, response, ref, 'resolve', ResolveDto, (dto, etag) =>
      this.moves.resolve(request.user!, ref, dto, etag),
    );
  }

  @Post('cases/:reference/reopen')
  @UseInterceptors(CsrfInterceptor)
  reopen(@Req() request: WebRequest, @Res() response: Response, @Param('reference') ref: string) {
    return this.move(request, response, ref, 'reopen', ReasonDto, (dto, etag) =>
      this.moves.reopen(request.user!, ref, dto, etag),
    );
  }

  @Post('cases/:reference/mark-separate')
  @UseInterceptors(CsrfInterceptor)
  markSeparate(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') ref: string,
  ) {
    return this.move(request, response, ref, 'mark_separate', ReasonDto, (dto, etag) =>
      this.moves.markSeparate(request.user!, ref, dto, etag),
    );
  }

  @Post('cases/:reference/merge')
  @UseInterceptors(CsrfInterceptor)
  async merge(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') ref: string,
  ) {
    const body = request.body as Body;
    const etag = etagOf(body);
    if (typeof body.target !== 'string' || body.target.trim() === '') {
      return this.refuse(request, response, ref, 'merge', [
        { field: 'target', message: 'required' },
      ]);
    }
    const target = await this.cases.require(
      request.user!,
      'case.read-internal',
      body.target.trim(),
    );
    await this.moves.merge(request.user!, ref, { targetCaseId: target.id }, etag);
    response.redirect(303, `/console/cases/${ref}`);
  }

  @Post('cases/:reference/notes')
  @UseInterceptors(CsrfInterceptor)
  note(@Req() request: WebRequest, @Res() response: Response, @Param('reference') ref: string) {
    return this.move(request, response, ref, 'note', PostMessageDto, (dto) =>
      this.conversation.addNote(request.user!, ref, dto),
    );
  }

  @Post('cases/:reference/identifiers')
  @UseInterceptors(CsrfInterceptor)
  addIdentifier(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') ref: string,
  ) {
    return this.move(request, response, ref, 'identifier', AddIdentifierDto, (dto) =>
      this.identifiers.add(request.user!, ref, dto),
    );
  }

  @Post('sightings/:id/reject')
  @UseInterceptors(CsrfInterceptor)
  async rejectSighting(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('id', UuidParam()) id: string,
  ): Promise<void> {
    const sighting = await this.sightings.reject(request.user!, id);
    const kase = await this.cases.require(request.user!, 'case.read-internal', sighting.caseId);
    response.redirect(303, `/console/cases/${kase.reference}`);
  }

  @Get('evidence/:id/:variant')
  async image(
    @Req() request: WebRequest,
    @Res({ passthrough: true }) response: Response,
    @Param('id', UuidParam()) id: string,
    @Param('variant') variant: string,
  ): Promise<StreamableFile> {
    if (variant !== 'thumbnail' && variant !== 'preview') throw new NotFoundException();
    const content = await this.evidence.openDerived(request.user!, id, variant);
    return evidenceImage(response, content);
  }

  /** Validates the form like the API's body, runs the move, and goes back to the case. */
  private async move<T extends object>(
    request: WebRequest,
    response: Response,
    reference: string,
    form: ConsoleForm,
    dto: Type<T>,
    run: (dto: T, etag: string | undefined) => Promise<unknown>,
  ): Promise<void> {
    const body = (request.body ?? {}) as Body;
    const etag = etagOf(body);
    const valid = await validateForm(dto, body);
    if (!valid.ok) return this.refuse(request, response, reference, form, valid.errors);
    try {
      await run(valid.dto, etag);
    } catch (error) {
      if (
        error instanceof ProblemException &&
        error.getStatus() === 422 &&
        error.errors.length > 0
      ) {
        return this.refuse(request, response, reference, form, error.errors);
      }
      throw error;
    }
    response.redirect(303, `/console/cases/${reference}`);
  }

  private refuse(
    request: WebRequest,
    response: Response,
    reference: string,
    form: ConsoleForm,
    errors: FormState['errors'],
  ): Promise<void> {
    const state = {
      values: formValues(request.body),
      errors: localiseFieldErrors(contextOf(request).m, errors),
    };
    return this.sendCase(request, response, reference, 422, { form, state });
  }

  private async sendCase(
    request: WebRequest,
    response: Response,
    reference: string,
    status: number,
    refused?: { form: ConsoleForm; state: FormState },
    template?: unknown,
  ): Promise<void> {
    const moderator = request.user!;
    const ctx = contextOf(request);
    const { view, etag } = await this.caseView.view(moderator, reference);
    // The case route lists evidence without its text; each screenshot's OCR text is read apart.
    view.evidence = await Promise.all(
      view.evidence.map((item) =>
        item.kind === 'chat_screenshot' ? this.evidence.get(moderator, item.id) : item,
      ),
    );
    const firstRows = await validateForm(ListQueryDto, { limit: String(ORDER_ROWS_SHOWN) });
    if (!firstRows.ok) throw new Error('The order rows query of the case view is invalid');
    const exports = view.evidence.filter((item) => item.extracted.orderRows !== null);
    const orders = Object.fromEntries(
      await Promise.all(
        exports.map(async (item) => [
          item.id,
          (await this.evidence.orderRecords(moderator, item.id, firstRows.dto)).items,
        ]),
      ),
    );
    const templates = view.openMoves.includes('request_info')
      ? (await this.templates.filledFor(moderator, view.case.id, ctx.locale === 'zh' ? 'zh' : 'en'))
          .items
      : [];
    const picked = templates.find((candidate) => candidate.id === template);
    sendPage(
      request,
      response,
      status,
      ConsoleCasePage({ ctx, view, etag, orders, templates, message: picked?.text, refused }),
    );
  }
}
