import {
  Body,
  Controller,
  Get,
  HttpCode,
  MessageEvent,
  Param,
  Post,
  Query,
  Req,
  Res,
  Sse,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { UuidParam } from '../common/http/uuid-param';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { EvidenceUploadDto, EvidenceUploadForm } from './evidence-upload.dto';
import { EvidenceService, UploadedFile } from './evidence.service';
import { EvidenceListView, EvidenceView } from './evidence.view';
import { OrderRecordPageView } from './orders/order-record.view';
import { EvidenceProgressService } from './progress/evidence-progress.service';
import { DerivedVariant } from './store/evidence-store';
import { EvidenceFilesInterceptor } from './upload/evidence-files.interceptor';

const UPLOAD_FORM = {
  fields: { fields: 10, fieldSize: 1024, fieldNameSize: 100 },
  multipartOnly: true,
};

@ApiTags('evidence')
@ApiBearerAuth()
@ApiProblems(401, 404)
@Controller('v1')
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly progress: EvidenceProgressService,
  ) {}

  @Post('cases/:id/evidence')
  @HttpCode(202)
  @UseInterceptors(EvidenceFilesInterceptor(UPLOAD_FORM))
  @ApiOperation({ summary: 'Attach files to a case; their type is decided by their bytes' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadForm })
  @ApiAcceptedResponse({ type: [EvidenceView] })
  @ApiProblems(400, 409, 413, 415, 422)
  upload(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Body() dto: EvidenceUploadDto,
  ): Promise<EvidenceView[]> {
    return this.evidence.upload(caller, id, files ?? [], dto.kind);
  }

  @Get('cases/:id/evidence')
  @ApiOperation({ summary: 'The evidence of a case, oldest first' })
  @ApiOkResponse({ type: EvidenceListView })
  list(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<EvidenceListView> {
    return this.evidence.listOfCase(caller, id);
  }

  @Sse('cases/:id/evidence/progress')
  @ApiOperation({
    summary: 'Server-sent events as the case’s evidence is processed and analysed',
    description:
      'First an `evidence` event per item, then one each time an item’s status or analysis state changes: data `{ id, status, error, analysis }` (`analysis`: pending, running, done or not_applicable); the event id is the item’s. Each analysis step an item has finished is an event of its own, sent once, those already finished right after the item’s first `evidence` event: `evidence.ocr_read` `{ id, at }`, `evidence.identifiers_extracted` `{ id, at, found: [{ kind, value, display }], amountsDemanded: [{ amount, currency }] }` and, to moderators and admins only, `evidence.linked` `{ id, at }`. A `ping` event comes every 15 s when nothing changed.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ schema: { type: 'string' } })
  watch(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @Req() request: Request,
  ): Promise<Observable<MessageEvent>> {
    // A stream is quiet between its pings by design; it ends when the client goes.
    request.socket.setTimeout(0);
    return this.progress.watch(caller, id);
  }

  @Get('evidence/:id/orders')
  @ApiOperation({ summary: 'The order records read from an order export, in file order' })
  @ApiOkResponse({ type: OrderRecordPageView })
  @ApiProblems(400, 422)
  orders(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
    @Query() query: ListQueryDto,
  ): Promise<OrderRecordPageView> {
    return this.evidence.orderRecords(caller, id, query);
  }

  @Get('evidence/:id/content')
  @ApiOperation({
    summary: 'The original bytes, as an attachment; each download is recorded on the case',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400)
  async content(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { evidence, content } = await this.evidence.openOriginal(caller, id);
    // Never rendered by a browser: downloaded, not sniffed, and sandboxed if opened anyway.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, {
      type: evidence.mediaType,
      length: Number(evidence.size),
      disposition: contentDisposition(evidence.fileName),
    });
  }

  @Get('evidence/:id/preview')
  @ApiOperation({ summary: 'A sanitised WebP rendering (longest side 2048), metadata stripped' })
  @ApiProduces('image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400)
  preview(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<StreamableFile> {
    return this.derived(caller, id, 'preview');
  }

  @Get('evidence/:id/thumbnail')
  @ApiOperation({ summary: 'A sanitised WebP thumbnail (longest side 320), metadata stripped' })
  @ApiProduces('image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400)
  thumbnail(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<StreamableFile> {
    return this.derived(caller, id, 'thumbnail');
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'One evidence item' })
  @ApiOkResponse({ type: EvidenceView })
  @ApiProblems(400)
  get(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<EvidenceView> {
    return this.evidence.get(caller, id);
  }

  private async derived(
    caller: AuthUser,
    id: string,
    variant: DerivedVariant,
  ): Promise<StreamableFile> {
    const content = await this.evidence.openDerived(caller, id, variant);
    return new StreamableFile(content, { type: 'image/webp' });
  }
}
