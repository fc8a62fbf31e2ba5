import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import {
  IdempotencyKey,
  IDEMPOTENCY_HEADER,
} from '../common/idempotency/idempotency-key.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { PostMessageDto } from './case-body.dto';
import { CaseConversationService } from './case-conversation.service';
import { applyOutcome } from './case-response';
import { CaseEventPageView, CaseEventView, MessagePageView, MessageView } from './case.view';

@ApiTags('cases')
@ApiBearerAuth()
@ApiProblems(401, 404)
@Controller('v1/cases/:id')
export class CaseConversationController {
  constructor(private readonly conversation: CaseConversationService) {}

  @Get('messages')
  @ApiOperation({ summary: 'The conversation between the seller and moderators, oldest first' })
  @ApiOkResponse({ type: MessagePageView })
  @ApiProblems(400, 422)
  messages(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @Query() query: ListQueryDto,
  ): Promise<MessagePageView> {
    return this.conversation.listMessages(caller, id, query);
  }

  @Post('messages')
  @ApiOperation({ summary: 'Post to the conversation; the seller sees every message' })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false })
  @ApiCreatedResponse({ type: MessageView })
  @ApiProblems(400, 409, 422)
  async post(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @Body() dto: PostMessageDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MessageView> {
    return applyOutcome(response, await this.conversation.postMessage(caller, id, dto, key));
  }

  @Post('notes')
  @Roles('moderator', 'admin')
  @ApiOperation({ summary: 'An internal note on the timeline, never shown to the seller' })
  @ApiCreatedResponse({ type: CaseEventView })
  @ApiProblems(400, 403, 422)
  note(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Body() dto: PostMessageDto,
  ): Promise<CaseEventView> {
    return this.conversation.addNote(moderator, id, dto);
  }

  @Get('timeline')
  @ApiOperation({
    summary: 'What happened to the case, oldest first: sellers see the seller-visible events',
  })
  @ApiOkResponse({ type: CaseEventPageView })
  @ApiProblems(400, 422)
  timeline(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @Query() query: ListQueryDto,
  ): Promise<CaseEventPageView> {
    return this.conversation.timeline(caller, id, query);
  }
}
