import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
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
  ExcludedIdentifierQueryDto,
  IdentifierLookupQueryDto,
  OffenderListQueryDto,
} from './offender-query.dto';
import {
  ExcludedIdentifierPageView,
  IdentifierLookupView,
  OffenderPageView,
  OffenderView,
} from './offender.view';
import { OffendersService } from './offenders.service';

@ApiTags('offenders')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Roles('moderator', 'admin')
@Controller('v1')
export class OffendersController {
  constructor(private readonly offenders: OffendersService) {}

  @Get('offenders')
  @ApiOperation({ summary: 'Offenders, riskiest first' })
  @ApiOkResponse({ type: OffenderPageView })
  @ApiProblems(400, 422)
  list(
    @CurrentUser() caller: AuthUser,
    @Query() query: OffenderListQueryDto,
  ): Promise<OffenderPageView> {
    return this.offenders.list(caller, query);
  }

  @Get('offenders/:id')
  @ApiOperation({ summary: 'One offender with its identifiers, cases, sellers and totals' })
  @ApiOkResponse({ type: OffenderView })
  @ApiProblems(400, 404)
  get(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<OffenderView> {
    return this.offenders.get(caller, id);
  }

  @Get('identifiers/lookup')
  @ApiOperation({ summary: 'The offender an identifier belongs to, if any' })
  @ApiOkResponse({ type: IdentifierLookupView })
  @ApiProblems(400, 404, 422)
  lookup(
    @CurrentUser() caller: AuthUser,
    @Query() query: IdentifierLookupQueryDto,
  ): Promise<IdentifierLookupView> {
    return this.offenders.lookup(caller, query);
  }

  @Get('identifiers/excluded')
  @ApiOperation({
    summary:
      'Identifiers that link nobody: hubs flagged by linking, and those marked by moderators',
  })
  @ApiOkResponse({ type: ExcludedIdentifierPageView })
  @ApiProblems(400, 422)
  listExcluded(
    @CurrentUser() caller: AuthUser,
    @Query() query: ExcludedIdentifierQueryDto,
  ): Promise<ExcludedIdentifierPageView> {
    return this.offenders.listExcluded(caller, query);
  }

  @Post('identifiers/:id/not-identifying')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Mark an identifier as identifying nobody; it stops linking and its cluster splits',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async markNotIdentifying(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<void> {
    await this.offenders.markNotIdentifying(caller, id);
  }
}
