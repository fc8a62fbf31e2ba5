import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { MetricsService } from './metrics.service';

@Module({
  imports: [ModerationModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, MetricsService],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
