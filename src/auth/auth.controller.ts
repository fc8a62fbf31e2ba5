import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { RegisterDto } from '../accounts/user.dto';
import { UserEntity } from '../accounts/user.entity';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { Public } from './access.decorators';
import { LoginDto, RefreshDto, RegisteredView, TokenPairView } from './auth.dto';
import { AuthUser, CurrentUser } from './auth-user';
import { AuthService } from './auth.service';
import { clientOf } from './client-info';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Seller sign-up with shop details' })
  @ApiCreatedResponse({ type: RegisteredView })
  @ApiProblems(400, 409, 422)
  register(@Body() dto: RegisterDto, @Req() request: Request): Promise<RegisteredView> {
    return this.auth.register(dto, clientOf(request));
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairView })
  @ApiProblems(400, 401, 422, 429)
  login(@Req() request: Request & { user: UserEntity }): Promise<TokenPairView> {
    return this.auth.signIn(request.user, clientOf(request));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old one stops working' })
  @ApiOkResponse({ type: TokenPairView })
  @ApiProblems(400, 401, 422)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its refresh tokens and access tokens stop working' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.signOut(user.sessionId);
  }
}
