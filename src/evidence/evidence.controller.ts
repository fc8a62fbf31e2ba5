import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
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
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { UuidParam } from '../common/http/uuid-param';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { EvidenceUploadDto, EvidenceUploadForm } from './evidence-upload.dto';
import { EvidenceService, UploadedFile } from './evidence.service';
import { EvidenceListView, EvidenceView } from './evidence.view';
import { DerivedVariant } from './store/evidence-store';
import { EvidenceUploadInterceptor } from './upload/evidence-upload.interceptor';

@ApiTags('evidence')
@ApiBearerAuth()
@ApiProblems(401, 404)
@Controller('v1')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('cases/:id/evidence')
  @HttpCode(202)
  @UseInterceptors(EvidenceUploadInterceptor)
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
