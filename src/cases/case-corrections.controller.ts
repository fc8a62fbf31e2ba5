import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { SightingView } from '../identifiers/sighting.view';
import { AddIdentifierDto, AmendCaseDto } from './case-correction.dto';
import { CaseIdentifiersService } from './case-identifiers.service';
import { CaseView } from './case.view';
import { CasesService } from './cases.service';

/** What people correct on a case after filing it: its text, and identifiers that were missed. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiProblems(401, 403, 404)
@Controller('v1/cases')
export class CaseCorrectionsController {
  constructor(
    private readonly cases: CasesService,
    private readonly identifiers: CaseIdentifiersService,
  ) {}

  @Patch(':id')
  @Roles('seller')
  @ApiOperation({
    summary: 'Amend the title or description of your case while it is not resolved',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiProblems(400, 409, 422)
  amend(
    @CurrentUser() seller: AuthUser,
    @Param('id') id: string,
    @Body() dto: AmendCaseDto,
  ): Promise<CaseView> {
    return this.cases.amend(seller, id, dto);
  }

  @Post(':id/identifiers')
  @Roles('seller', 'moderator', 'admin')
  @ApiOperation({
    summary:
      'Add an identifier the seller forgot or OCR missed (the seller: while not resolved); linked at once',
  })
  @ApiCreatedResponse({ type: SightingView })
  @ApiProblems(400, 409, 422)
  addIdentifier(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @Body() dto: AddIdentifierDto,
  ): Promise<SightingView> {
    return this.identifiers.add(caller, id, dto);
  }
}
