import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { AuthUser, CurrentUser } from '../../auth/auth-user';
import { UuidParam } from '../../common/http/uuid-param';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import {
  CreateReplyTemplateDto,
  FilledReplyListView,
  ReplyTemplateListQueryDto,
  ReplyTemplatePageView,
  ReplyTemplateQueryDto,
  ReplyTemplateView,
  UpdateReplyTemplateDto,
} from './reply-template.dto';
import { ReplyTemplatesService } from './reply-templates.service';

@ApiTags('moderation')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('v1')
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Get('reply-templates')
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: 'Canned replies, oldest first' })
  @ApiOkResponse({ type: ReplyTemplatePageView })
  @ApiProblems(400)
  list(@CurrentUser() caller: AuthUser, @Query() query: ReplyTemplateListQueryDto) {
    return this.templates.list(caller, query);
  }

  @Post('reply-templates')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a canned reply; placeholders no case fills are refused' })
  @ApiCreatedResponse({ type: ReplyTemplateView })
  @ApiProblems(400, 409, 422)
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateReplyTemplateDto) {
    return this.templates.create(admin, dto);
  }

  @Patch('reply-templates/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename or reword a canned reply' })
  @ApiOkResponse({ type: ReplyTemplateView })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParam()) id: string,
    @Body() dto: UpdateReplyTemplateDto,
  ) {
    return this.templates.update(admin, id, dto);
  }

  @Delete('reply-templates/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a canned reply' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async delete(
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<void> {
    await this.templates.delete(admin, id);
  }

  @Get('cases/:id/reply-templates')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: 'Every canned reply filled in for this case, with what is still to fill',
  })
  @ApiOkResponse({ type: FilledReplyListView })
  @ApiProblems(400, 404)
  filled(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Query() query: ReplyTemplateQueryDto,
  ): Promise<FilledReplyListView> {
    return this.templates.filledFor(moderator, id, query.language);
  }
}
