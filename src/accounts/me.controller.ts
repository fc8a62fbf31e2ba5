import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ActivityPageView } from './account-activity.dto';
import { AccountActivityService } from './account-activity.service';
import { UserView } from './user.dto';
import { toUserView } from './user.view';

@ApiTags('accounts')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('v1/me')
export class MeController {
  constructor(private readonly activity: AccountActivityService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() caller: AuthUser): UserView {
    return toUserView(caller.user);
  }

  @Get('activity')
  @ApiOperation({ summary: 'Sign-ups and sign-ins of the signed-in account, newest first' })
  @ApiOkResponse({ type: ActivityPageView })
  @ApiProblems(400, 422)
  activityLog(
    @CurrentUser() user: AuthUser,
    @Query() query: ListQueryDto,
  ): Promise<ActivityPageView> {
    return this.activity.listOfUser(user.id, query);
  }
}
