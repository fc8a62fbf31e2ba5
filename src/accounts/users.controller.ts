import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { UuidParam } from '../common/http/uuid-param';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import {
  CreateStaffDto,
  UpdateUserDto,
  UserListQueryDto,
  UserPageView,
  UserView,
} from './user.dto';
import { UsersService } from './users.service';

@ApiTags('accounts')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Roles('admin')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a moderator or an admin' })
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, 409, 422)
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateStaffDto): Promise<UserView> {
    return this.users.createStaff(admin, dto);
  }

  @Get()
  @ApiOperation({ summary: 'All users, newest first' })
  @ApiOkResponse({ type: UserPageView })
  @ApiProblems(400, 422)
  list(@CurrentUser() admin: AuthUser, @Query() query: UserListQueryDto): Promise<UserPageView> {
    return this.users.list(admin, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 404)
  get(@CurrentUser() admin: AuthUser, @Param('id', UuidParam()) id: string): Promise<UserView> {
    return this.users.get(admin, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Disable or enable a user, change a staff role or display name' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam()) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }
}
