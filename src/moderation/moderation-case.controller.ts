import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ModerationCaseService } from './moderation-case.service';
import { ModerationCaseView } from './moderation-case.view';

@ApiTags('moderation')
@ApiBearerAuth()
@ApiProblems(401, 403, 404)
@Controller('v1/moderation/cases')
export class ModerationCaseController {
  constructor(private readonly cases: ModerationCaseService) {}

  @Get(':id')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: 'One case for a console: evidence, offenders, related cases, reporter, notes, moves',
    description: 'The ETag is the case’s: send it as If-Match with the moves.',
  })
  @ApiOkResponse({ type: ModerationCaseView })
  async get(
    @CurrentUser() moderator: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ModerationCaseView> {
    const { view, etag } = await this.cases.view(moderator, id);
    response.setHeader('ETag', etag);
    return view;
  }
}
