import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
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
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { UuidParam } from '../common/http/uuid-param';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { EvidenceUploadDto, EvidenceUploadForm } from './evidence-upload.dto';
import { EvidenceService, UploadedFile } from './evidence.service';
import { EvidenceListView, EvidenceView } from './evidence.view';
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
}
