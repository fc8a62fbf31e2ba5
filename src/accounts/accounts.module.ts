import { Module } from '@nestjs/common';
import { AccountActivityRepository } from './account-activity.repository';
import { AccountActivityService } from './account-activity.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [MeController, UsersController, ApiKeysController],
  providers: [
    UsersService,
    UsersRepository,
    SessionsRepository,
    PasswordHasher,
    AccountActivityService,
    AccountActivityRepository,
    ApiKeysService,
    ApiKeysRepository,
  ],
  exports: [UsersService, UsersRepository, SessionsRepository, PasswordHasher, ApiKeysService],
})
export class AccountsModule {}
