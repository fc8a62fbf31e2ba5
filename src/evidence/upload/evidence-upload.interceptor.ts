import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import multer from 'multer';
import { unlink } from 'node:fs/promises';
import { finalize, Observable } from 'rxjs';
import { MultipartLimits, readMultipart } from '../../common/http/multipart.interceptor';
import { ProblemException } from '../../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { EVIDENCE_STORE, EvidenceStore } from '../store/evidence-store';
import { HashingStorage } from './hashing-storage';

async function removeUploads(request: Request): Promise<void> {
  const files = Array.isArray(request.files) ? request.files : [];
  await Promise.all(files.map((file) => unlink(file.path).catch(() => undefined)));
}

/** Streams the `files` of an evidence upload to the store's temporary area, hashing as it goes. */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly limits: MultipartLimits;
  private readonly read;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(EVIDENCE_STORE) store: EvidenceStore) {
    this.limits = {
      files: config.evidence.maxFiles,
      fileSize: config.evidence.maxFileBytes,
      fields: 10,
      parts: config.evidence.maxFiles + 10,
      fieldSize: 1024,
      fieldNameSize: 100,
    };
    this.read = multer({
      limits: this.limits,
      storage: new HashingStorage(() => store.temporaryPath()),
    }).array('files', config.evidence.maxFiles);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw new ProblemException(415, 'Send evidence as multipart/form-data with files in files.');
    }
    try {
      await readMultipart(this.read, context, this.limits);
    } catch (error) {
      await removeUploads(request);
      throw error;
    }
    // Whatever happens next (a refused field, a refused file, a stored one), no temporary
    // file outlives the request.
    return next.handle().pipe(finalize(() => void removeUploads(request)));
  }
}
