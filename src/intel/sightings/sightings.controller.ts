import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { AuthUser, CurrentUser } from '../../auth/auth-user';
import { UuidParam } from '../../common/http/uuid-param';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { SightingView } from '../../identifiers/sighting.view';
import { SightingsService } from './sightings.service';

@ApiTags('offenders')
@ApiBearerAuth()
@ApiProblems(400, 401, 403, 404, 409)
@Roles('moderator', 'admin')
@Controller('v1/sightings')
export class SightingsController {
  constructor(private readonly sightings: SightingsService) {}

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm an identifier that OCR or a chat log yielded' })
  @ApiOkResponse({ type: SightingView })
  confirm(@CurrentUser() moderator: AuthUser, @Param('id', UuidParam()) id: string) {
    return this.sightings.confirm(moderator, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject an identifier: it stops linking, and its offender splits' })
  @ApiOkResponse({ type: SightingView })
  reject(@CurrentUser() moderator: AuthUser, @Param('id', UuidParam()) id: string) {
    return this.sightings.reject(moderator, id);
  }
}
