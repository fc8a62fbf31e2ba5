import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccountsModule } from '../accounts/accounts.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ShopsModule } from '../shops/shops.module';
import { ApiKeyAuthGuard } from './api-key-auth.guard';
import { ApiKeyStrategy } from './api-key.strategy';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordChangeService } from './password-change.service';
import { AuthenticationGuard } from './authentication.guard';
import { BearerAuthGuard } from './bearer-auth.guard';
import { jwtKeyOf } from './jwt-key';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginRateLimiter } from './login-rate-limiter';
import { RegistrationRateLimiter } from './registration-rate-limiter';
import { QueueBoardGate } from './queue-board.gate';
import { RolesGuard } from './roles.guard';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    AccountsModule,
    ShopsModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: jwtKeyOf(config),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordChangeService,
    TokensService,
    QueueBoardGate,
    LoginRateLimiter,
    RegistrationRateLimiter,
    JwtStrategy,
    LocalStrategy,
    ApiKeyStrategy,
    BearerAuthGuard,
    ApiKeyAuthGuard,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [QueueBoardGate, AuthService, PasswordChangeService],
})
export class AuthModule {}
