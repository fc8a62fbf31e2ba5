import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OcrPool, OcrResult } from './ocr-pool';
import { readScreenshotText } from './read-screenshot-text';

/**
 * The process's one OCR pool, started by the first screenshot it reads: an API-only process
 * never loads language data.
 */
@Injectable()
export class OcrService implements OnModuleDestroy {
  private readonly pool: OcrPool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new OcrPool({
      size: config.intel.ocr.workers,
      languages: config.intel.ocr.languages,
      timeoutMs: config.intel.ocr.timeoutMs,
    });
  }

  async recognize(image: Buffer): Promise<OcrResult> {
    return readScreenshotText(this.pool, image);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.stop();
  }
}
