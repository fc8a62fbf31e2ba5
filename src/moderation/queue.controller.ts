import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { QueueQueryDto } from './queue-query.dto';
import { QueueService } from './queue.service';
import { QueuePageView } from './queue.view';

@ApiTags('moderation')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('v1/moderation')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get('queue')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: 'Open work, highest priority first, each case with why it ranks there',
    description:
      'The first page starts a walk: the ranking as it stands then, which the next pages follow (for 30 min) however priorities change, so no case is shown twice or skipped. The first page also carries counts per status and figures of the filtered queue.',
  })
  @ApiOkResponse({ type: QueuePageView })
  @ApiProblems(409, 503)
  page(@CurrentUser() moderator: AuthUser, @Query() query: QueueQueryDto): Promise<QueuePageView> {
    return this.queue.page(moderator, query);
  }
}
