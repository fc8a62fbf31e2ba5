import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ModerationStatsQueryDto, ModerationStatsView } from './moderation-stats.dto';
import { ModerationStatsService } from './moderation-stats.service';

@ApiTags('moderation')
@ApiBearerAuth()
@ApiProblems(400, 401, 403, 422)
@Controller('v1/moderation')
export class ModerationStatsController {
  constructor(private readonly stats: ModerationStatsService) {}

  @Get('stats')
  @Roles('moderator', 'admin')
  @ApiOperation({
    summary: 'Open cases per moderator, median times to first answer and to decision, breaches',
  })
  @ApiOkResponse({ type: ModerationStatsView })
  get(
    @CurrentUser() caller: AuthUser,
    @Query() query: ModerationStatsQueryDto,
  ): Promise<ModerationStatsView> {
    return this.stats.over(caller, query);
  }
}
