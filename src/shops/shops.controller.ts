import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { UuidParam } from '../common/http/uuid-param';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ShopListQueryDto, VerifyShopDto } from './shop.dto';
import { ShopPageView, ShopView } from './shop.view';
import { ShopsService } from './shops.service';

@ApiTags('shops')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Roles('moderator', 'admin')
@Controller('v1/shops')
export class ShopsController {
  constructor(private readonly shops: ShopsService) {}

  @Get()
  @ApiOperation({ summary: 'Shops, newest first; by platform and shop id' })
  @ApiOkResponse({ type: ShopPageView })
  @ApiProblems(400)
  list(@CurrentUser() caller: AuthUser, @Query() query: ShopListQueryDto): Promise<ShopPageView> {
    return this.shops.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A shop, its accounts, its verification and its cases' })
  @ApiOkResponse({ type: ShopView })
  @ApiProblems(400, 404)
  get(@CurrentUser() caller: AuthUser, @Param('id', UuidParam()) id: string): Promise<ShopView> {
    return this.shops.get(caller, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a shop verified, with how; its accounts of now are verified members',
  })
  @ApiOkResponse({ type: ShopView })
  @ApiProblems(400, 404)
  verify(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidParam()) id: string,
    @Body() dto: VerifyShopDto,
  ): Promise<ShopView> {
    return this.shops.verify(caller, id, dto);
  }
}
