import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { AuthUser, CurrentUser } from '../../auth/auth-user';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { RelatedCasesView } from './related-case.view';
import { RelatedCasesService } from './related-cases.service';

@ApiTags('offenders')
@ApiBearerAuth()
@ApiProblems(401, 403, 404)
@Roles('moderator', 'admin')
@Controller('v1/cases')
export class RelatedCasesController {
  constructor(private readonly related: RelatedCasesService) {}

  @Get(':id/related')
  @ApiOperation({
    summary: 'Cases linked to this one, with why: offender, identifier, screenshot, campaign',
  })
  @ApiOkResponse({ type: RelatedCasesView })
  relatedTo(
    @CurrentUser() moderator: AuthUser,
    @Param('id') idOrReference: string,
  ): Promise<RelatedCasesView> {
    return this.related.relatedTo(moderator, idOrReference);
  }
}
