import { Module } from '@nestjs/common';
import { GuidanceController } from './guidance.controller';
import { GUIDANCE_FILE, loadGuidance } from './guidance.loader';
import { GUIDANCE, GuidanceService } from './guidance.service';

/** Seller guidance from data/guidance.yaml; a broken file stops the service at start-up. */
@Module({
  controllers: [GuidanceController],
  providers: [
    { provide: GUIDANCE, useFactory: () => loadGuidance(GUIDANCE_FILE) },
    GuidanceService,
  ],
  exports: [GuidanceService],
})
export class GuidanceModule {}
