import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { ClockModule } from './common/clock.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { ProblemFilter } from './common/problem/problem.filter';
import { StrictValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EvidenceModule } from './evidence/evidence.module';
import { FilingModule } from './filing/filing.module';
import { IntelModule } from './intel/intel.module';
import { GuidanceModule } from './guidance/guidance.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { loggerOptions } from './logging/logger-options';
import { MetricsModule } from './metrics/metrics.module';
import { ModerationModule } from './moderation/moderation.module';
import { RedisModule } from './redis/redis.module';
import { ShopsModule } from './shops/shops.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        RedisModule,
        JobsModule,
        AccountsModule,
        AuthModule,
        ShopsModule,
        IdempotencyModule,
        GuidanceModule,
        CasesModule,
        EvidenceModule,
        FilingModule,
        IntelModule,
        ModerationModule,
        HealthModule,
        MetricsModule,
        WebModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
      ],
    };
  }
}
