import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvidenceAnalysisRecorder } from './analysis/evidence-analysis-recorder.service';
import { OrderExportImporter } from './orders/order-export-importer';
import { OrderRecordsRepository } from './orders/order-records.repository';
import { EvidenceProgressService } from './progress/evidence-progress.service';
import { EvidenceSweeper } from './evidence-sweeper.service';
import { EvidenceProcessingService } from './processing/evidence-processing.service';
import { ScreenshotRehasher } from './processing/screenshot-rehasher.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_STORE } from './store/evidence-store';
import { LocalDiskStore } from './store/local-disk-store';

@Module({
  imports: [CasesModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    EvidenceRepository,
    EvidenceSweeper,
    EvidenceProgressService,
    EvidenceProcessingService,
    EvidenceAnalysisRecorder,
    ScreenshotRehasher,
    OrderExportImporter,
    OrderRecordsRepository,
    {
      provide: EVIDENCE_STORE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const store = new LocalDiskStore(config.uploadsDir);
        await store.prepare();
        return store;
      },
    },
  ],
  exports: [
    EVIDENCE_STORE,
    EvidenceRepository,
    EvidenceService,
    EvidenceAnalysisRecorder,
    EvidenceProgressService,
  ],
})
export class EvidenceModule {}
