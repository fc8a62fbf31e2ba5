import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { AllowApiKey, Roles } from '../auth/access.decorators';
import { Caller, CurrentCaller, isApiKeyCaller } from '../auth/api-key-caller';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { UuidParam } from '../common/http/uuid-param';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ProblemException } from '../common/problem/problem.exception';
import {
  ApiKeyPageView,
  CreateApiKeyDto,
  CreatedApiKeyView,
  CurrentApiKeyView,
} from './api-key.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('integrations')
@ApiProblems(401, 403)
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create an API key for an integration; the key is in this response only',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiProblems(400, 422)
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(admin, dto);
  }

  @Get()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'All API keys, newest first, revoked ones included; never the key' })
  @ApiOkResponse({ type: ApiKeyPageView })
  @ApiProblems(400, 422)
  list(@CurrentUser() admin: AuthUser, @Query() query: ListQueryDto): Promise<ApiKeyPageView> {
    return this.apiKeys.list(admin, query);
  }

  @Get('current')
  @AllowApiKey(null)
  @ApiSecurity('apiKey')
  @ApiOperation({ summary: 'The API key that calls: lets an integration check its key and scopes' })
  @ApiOkResponse({ type: CurrentApiKeyView })
  current(@CurrentCaller() caller: Caller): CurrentApiKeyView {
    if (!isApiKeyCaller(caller)) {
      throw new ProblemException(403, 'This route describes the calling API key; send X-API-Key.');
    }
    return { id: caller.apiKeyId, name: caller.name, scopes: caller.scopes };
  }

  @Delete(':id')
  @Roles('admin')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async revoke(
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParam()) id: string,
  ): Promise<void> {
    await this.apiKeys.revoke(admin, id);
  }
}
