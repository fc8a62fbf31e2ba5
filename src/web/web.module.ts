import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvidenceModule } from '../evidence/evidence.module';
import { FilingModule } from '../filing/filing.module';
import { GuidanceModule } from '../guidance/guidance.module';
import { IntelModule } from '../intel/intel.module';
import { ModerationModule } from '../moderation/moderation.module';
import { AccountSettingsController } from './account/account-settings.controller';
import { WebAccessController } from './account/account.controller';
import { ApiNotFoundController, WebNotFoundController } from './errors/not-found.controller';
import { PAGE_ERRORS } from '../common/problem/page-errors';
import { WebPageErrors } from './errors/web-page-errors.service';
import { AssetsController } from './render/assets.controller';
import { WebAssets } from './render/web-assets.service';
import { CsrfInterceptor } from './session/csrf.interceptor';
import { WEB_KEY, webKeyOf } from './session/web-key';
import { WebSessionGuard } from './session/web-session.guard';
import { SellerCasesController } from './seller/seller-cases.controller';
import { ConsoleCaseController } from './console/console-case.controller';
import { ConsoleController } from './console/console.controller';

/** The server-rendered pages: the seller portal and the moderator console, calling the same services as the API. */
@Module({
  imports: [
    AccountsModule,
    AuthModule,
    CasesModule,
    EvidenceModule,
    FilingModule,
    GuidanceModule,
    IntelModule,
    ModerationModule,
  ],
  controllers: [
    AssetsController,
    WebAccessController,
    AccountSettingsController,
    SellerCasesController,
    ConsoleController,
    ConsoleCaseController,
    // Last, so that they answer only addresses no other route took.
    ApiNotFoundController,
    WebNotFoundController,
  ],
  providers: [
    WebAssets,
    WebSessionGuard,
    { provide: PAGE_ERRORS, useClass: WebPageErrors },
    CsrfInterceptor,
    { provide: WEB_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => webKeyOf(config) },
  ],
  exports: [PAGE_ERRORS],
})
export class WebModule {}
