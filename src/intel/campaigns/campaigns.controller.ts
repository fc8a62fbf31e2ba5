import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { AuthUser, CurrentUser } from '../../auth/auth-user';
import { UuidParam } from '../../common/http/uuid-param';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { CampaignListQueryDto } from './campaign-query.dto';
import { CampaignPageView, CampaignView } from './campaign.view';
import { CampaignsService } from './campaigns.service';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Roles('moderator', 'admin')
@Controller('v1/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOperation({ summary: 'Coordinated attacks found in order exports, latest first' })
  @ApiOkResponse({ type: CampaignPageView })
  @ApiProblems(400, 422)
  list(
    @CurrentUser() caller: AuthUser,
    @Query() query: CampaignListQueryDto,
  ): Promise<CampaignPageView> {
    return this.campaigns.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign: its accounts, targets, cases, and counts over time' })
  @ApiOkResponse({ type: CampaignView })
  @ApiProblems(400, 404)
  get(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<CampaignView> {
    return this.campaigns.get(caller, id);
  }
}
