import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvidenceSweeper } from './evidence-sweeper.service';
import { EvidenceProcessingService } from './processing/evidence-processing.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_STORE } from './store/evidence-store';
import { LocalDiskStore } from './store/local-disk-store';
import { EvidenceUploadInterceptor } from './upload/evidence-upload.interceptor';

@Module({
  imports: [CasesModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    EvidenceRepository,
    EvidenceUploadInterceptor,
    EvidenceSweeper,
    EvidenceProcessingService,
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
})
export class EvidenceModule {}
