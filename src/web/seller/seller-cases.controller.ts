import {
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  MessageEvent,
  Sse,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Observable } from 'rxjs';
import { PostMessageDto } from '../../cases/case-body.dto';
import { AddIdentifierDto, AmendCaseDto } from '../../cases/case-correction.dto';
import { CaseConversationService } from '../../cases/case-conversation.service';
import { CaseIdentifiersService } from '../../cases/case-identifiers.service';
import { CasesService } from '../../cases/cases.service';
import { CaseListQueryDto } from '../../cases/case-body.dto';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { ProblemException } from '../../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Clock } from '../../common/clock';
import type { UploadedFile } from '../../evidence/evidence.service';
import { EvidenceService } from '../../evidence/evidence.service';
import { EvidenceProgressService } from '../../evidence/progress/evidence-progress.service';
import {
  EvidenceFilesInterceptor,
  uploadRefusalOf,
} from '../../evidence/upload/evidence-files.interceptor';
import { CASE_FORM_FIELD_LIMITS } from '../../filing/case-filing';
import { FilingService } from '../../filing/filing.service';
import { GuidanceService } from '../../guidance/guidance.service';
import { CaseMovesService } from '../../moderation/case-moves.service';
import { ReasonDto } from '../../moderation/moderation.dto';
import { localiseFieldErrors } from '../render/field-messages';
import { emptyForm, FormState } from '../render/form';
import { evidenceImage } from '../render/evidence-image';
import { sendPage } from '../render/send-page';
import { formValues, validateForm } from '../render/validate-form';
import type { Messages } from '../i18n/messages';
import { CsrfInterceptor } from '../session/csrf.interceptor';
import { WebPages } from '../session/web-access.decorator';
import { contextOf, WebRequest } from '../session/web-context';
import { EVIDENCE_ACCEPT } from './accept-attribute';
import { SellerCasePage, SellerCasePageProps } from './case.page';
import { MyCasesPage } from './my-cases.page';
import { NewCasePage } from './new-case.page';

type RefusedForm = NonNullable<SellerCasePageProps['refused']>['form'];

/** Refusals a seller can mend by changing the form: shown as the form again, not an error page. */
const FORM_REFUSALS = [400, 413, 415, 422];

/** The seller's portal: their cases, filing a complaint, and what they may do on a case. */
@ApiExcludeController()
@WebPages('seller')
@Controller()
export class SellerCasesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly filing: FilingService,
    private readonly evidence: EvidenceService,
    private readonly conversation: CaseConversationService,
    private readonly identifiers: CaseIdentifiersService,
    private readonly guidance: GuidanceService,
    private readonly evidenceProgress: EvidenceProgressService,
    private readonly moves: CaseMovesService,
  ) {}

  @Get('cases')
  async list(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Query('cursor') cursor: unknown,
  ) {
    const query = await validateForm(
      CaseListQueryDto,
      typeof cursor === 'string' ? { cursor } : {},
    );
    if (!query.ok) throw new ProblemException(400, 'The page link is not valid.');
    const page = await this.cases.list(request.user!, query.dto);
    sendPage(request, response, 200, MyCasesPage({ ctx: contextOf(request), page }));
  }

  @Get('cases/new')
  newCase(@Req() request: WebRequest, @Res() response: Response): void {
    this.sendNewCase(request, response, 200, emptyForm());
  }

  @Post('cases/new')
  @UseInterceptors(
    EvidenceFilesInterceptor({
      fields: CASE_FORM_FIELD_LIMITS,
      multipartOnly: false,
      refusalToHandler: true,
    }),
    CsrfInterceptor,
  )
  async file(
    @Req() request: WebRequest,
    @Res() response: Response,
    @UploadedFiles() files: UploadedFile[] | undefined,
  ): Promise<void> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const key = typeof body.idempotencyKey === 'string' ? body.idempotencyKey : undefined;
    delete body.idempotencyKey;
    if (typeof body.orderId === 'string') body.orderId = body.orderId.split(/[\s,，;；]+/);
    const values = formValues(body);
    if (Array.isArray(body.orderId)) values.orderId = body.orderId.join('\n');
    try {
      const refusal = uploadRefusalOf(request);
      if (refusal) throw refusal;
      const outcome = await this.filing.file(request.user!, request, files ?? [], key);
      response.redirect(303, `/cases/${outcome.body.reference}?filed=1`);
    } catch (error) {
      if (!(error instanceof ProblemException) || !FORM_REFUSALS.includes(error.getStatus())) {
        throw error;
      }
      const { m } = contextOf(request);
      const errors = localiseFieldErrors(m, this.filesRefused(m, error, files ?? []));
      const status = error.getStatus() === 400 ? 422 : error.getStatus();
      this.sendNewCase(request, response, status, {
        values: { ...values, idempotencyKey: '' },
        errors,
        message: errors.length === 0 ? error.message : undefined,
      });
    }
  }

  @Get('cases/:reference')
  async show(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
    @Query('filed') filed: unknown,
  ): Promise<void> {
    await this.sendCase(request, response, reference, 200, { filed: filed === '1' });
  }

  @Post('cases/:reference/messages')
  @UseInterceptors(CsrfInterceptor)
  async reply(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
  ) {
    const dto = await validateForm(PostMessageDto, request.body);
    if (!dto.ok) return this.refuse(request, response, reference, 'reply', dto.errors);
    await this.conversation.postMessage(request.user!, reference, dto.dto, undefined);
    response.redirect(303, `/cases/${reference}#reply`);
  }

  @Post('cases/:reference/description')
  @UseInterceptors(CsrfInterceptor)
  async amend(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
  ) {
    const dto = await validateForm(AmendCaseDto, request.body);
    if (!dto.ok) return this.refuse(request, response, reference, 'amend', dto.errors);
    await this.cases.amend(request.user!, reference, dto.dto);
    response.redirect(303, `/cases/${reference}`);
  }

  @Post('cases/:reference/identifiers')
  @UseInterceptors(CsrfInterceptor)
  async addIdentifier(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
  ) {
    const dto = await validateForm(AddIdentifierDto, request.body);
    if (!dto.ok) return this.refuse(request, response, reference, 'identifier', dto.errors);
    try {
      await this.identifiers.add(request.user!, reference, dto.dto);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 422) {
        return this.refuse(request, response, reference, 'identifier', error.errors);
      }
      throw error;
    }
    response.redirect(303, `/cases/${reference}`);
  }

  @Post('cases/:reference/evidence')
  @UseInterceptors(
    EvidenceFilesInterceptor({
      fields: { fields: 2, fieldSize: 1024, fieldNameSize: 20 },
      multipartOnly: true,
    }),
    CsrfInterceptor,
  )
  async addEvidence(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
    @UploadedFiles() files: UploadedFile[] | undefined,
  ) {
    if (!files || files.length === 0) {
      return this.refuse(request, response, reference, 'evidence', [
        { field: 'files', message: 'Choose at least one file.' },
      ]);
    }
    await this.evidence.upload(request.user!, reference, files, undefined);
    response.redirect(303, `/cases/${reference}`);
  }

  @Post('cases/:reference/appeal')
  @UseInterceptors(CsrfInterceptor)
  async appeal(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
  ) {
    const dto = await validateForm(ReasonDto, request.body);
    if (!dto.ok) return this.refuse(request, response, reference, 'appeal', dto.errors);
    await this.moves.appeal(request.user!, reference, dto.dto);
    response.redirect(303, `/cases/${reference}`);
  }

  @Post('cases/:reference/withdraw')
  @UseInterceptors(CsrfInterceptor)
  async withdraw(
    @Req() request: WebRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
  ) {
    await this.cases.withdraw(request.user!, reference);
    response.redirect(303, `/cases/${reference}`);
  }

  /** The evidence progress stream of the API, for the case page's live states. */
  @Sse('cases/:reference/progress')
  progress(
    @Req() request: WebRequest,
    @Param('reference') reference: string,
  ): Promise<Observable<MessageEvent>> {
    // A stream is quiet between its pings by design; it ends when the page goes.
    request.socket.setTimeout(0);
    return this.evidenceProgress.watch(request.user!, reference);
  }

  /** A screenshot's thumbnail, through the same access checks as the API's. */
  @Get('evidence/:id/thumbnail')
  async thumbnail(
    @Req() request: WebRequest,
    @Res({ passthrough: true }) response: Response,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const content = await this.evidence.openDerived(request.user!, id, 'thumbnail');
    return evidenceImage(response, content);
  }

  /**
   * The refused files as one error on the file field, each named, in the reader's language: the
   * service names them by their place in the form (`files[1]`), which a reader cannot see.
   */
  private filesRefused(m: Messages, refusal: ProblemException, files: UploadedFile[]) {
    const maxMb = Math.floor(this.config.evidence.maxFileBytes / (1024 * 1024));
    const onFiles = refusal.errors.filter(({ field }) => /^files(\[\d+\])?$/.test(field));
    if (onFiles.length === 0) return refusal.errors;
    const messages = onFiles.map(({ field }) => {
      const index = /\[(\d+)\]/.exec(field)?.[1];
      const name = index === undefined ? undefined : files[Number(index)]?.originalname;
      return name === undefined
        ? m.newCase.filesOverLimit(maxMb, this.config.evidence.maxFiles)
        : m.newCase.fileRefused(name);
    });
    const others = refusal.errors.filter((error) => !onFiles.includes(error));
    return [...others, { field: 'files', message: messages.join(' ') }];
  }

  private sendNewCase(request: WebRequest, response: Response, status: number, form: FormState) {
    const ctx = contextOf(request);
    const platform = ctx.user?.user.shop?.platform ?? 'other';
    sendPage(
      request,
      response,
      status,
      NewCasePage({
        ctx,
        form,
        guidance: this.guidance.forPlatform(platform, undefined, ctx.locale),
        idempotencyKey: randomUUID(),
        limits: this.config.evidence,
        accept: EVIDENCE_ACCEPT,
      }),
    );
  }

  private async refuse(
    request: WebRequest,
    response: Response,
    reference: string,
    form: RefusedForm,
    errors: FormState['errors'],
  ): Promise<void> {
    const state: FormState = {
      values: formValues(request.body),
      errors: localiseFieldErrors(contextOf(request).m, errors),
    };
    await this.sendCase(request, response, reference, 422, { refused: { form, state } });
  }

  private async sendCase(
    request: WebRequest,
    response: Response,
    reference: string,
    status: number,
    extra: Partial<Pick<SellerCasePageProps, 'filed' | 'refused'>>,
  ): Promise<void> {
    const caller = request.user!;
    const everything = await validateForm(ListQueryDto, { limit: '100' });
    if (!everything.ok) throw new Error('The list query of a case page is invalid');
    const { view } = await this.cases.get(caller, reference);
    const now = this.clock.now();
    const [evidence, messages, events] = await Promise.all([
      this.evidence.listOfCase(caller, view.id),
      this.conversation.listMessages(caller, view.id, everything.dto),
      this.conversation.timeline(caller, view.id, everything.dto),
    ]);
    sendPage(
      request,
      response,
      status,
      SellerCasePage({
        ctx: contextOf(request),
        kase: view,
        evidence: evidence.items,
        messages: messages.items,
        events: events.items,
        filed: extra.filed ?? false,
        mayAppeal:
          view.status === 'resolved' &&
          view.appealableUntil !== null &&
          Date.parse(view.appealableUntil) > now.getTime() &&
          !events.items.some((event) => event.data.move === 'appeal'),
        refused: extra.refused,
      }),
    );
  }
}
