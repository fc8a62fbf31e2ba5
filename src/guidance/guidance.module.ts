import { Module } from '@nestjs/common';
import { GuidanceController } from './guidance.controller';
import { loadGuidanceByLanguage } from './guidance-by-language';
import { GUIDANCE, GuidanceService } from './guidance.service';

/** Seller guidance from data/guidance.yaml and guidance.zh.yaml; a broken file stops start-up. */
@Module({
  controllers: [GuidanceController],
  providers: [{ provide: GUIDANCE, useFactory: () => loadGuidanceByLanguage() }, GuidanceService],
  exports: [GuidanceService],
})
export class GuidanceModule {}
