import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  mixin,
  NestInterceptor,
  Type,
} from '@nestjs/common';
import type { Request } from 'express';
import multer from 'multer';
import { unlink } from 'node:fs/promises';
import { finalize, Observable } from 'rxjs';
import { MultipartLimits, readMultipart } from '../../common/http/read-multipart';
import { ProblemException } from '../../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { EVIDENCE_STORE, EvidenceStore } from '../store/evidence-store';
import { HashingStorage } from './hashing-storage';

/** The limits of a form's other fields; the file limits come from configuration. */
export type FormFieldLimits = Pick<MultipartLimits, 'fields' | 'fieldSize' | 'fieldNameSize'>;

export interface EvidenceFilesOptions {
  fields: FormFieldLimits;
  /** Refuse anything but multipart (415); otherwise other bodies pass to their own parsers. */
  multipartOnly: boolean;
  /**
   * Hand a form over the size or count limits (413) to the handler, through `uploadRefusalOf`,
   * instead of refusing it here: a page shows the form again with the error beside its field.
   */
  refusalToHandler?: boolean;
}

type RefusableRequest = Request & { uploadRefusal?: ProblemException };

/** Why the files of this request were refused before its handler ran, if they were. */
export function uploadRefusalOf(request: Request): ProblemException | undefined {
  return (request as RefusableRequest).uploadRefusal;
}

async function removeUploads(request: Request): Promise<void> {
  const files = Array.isArray(request.files) ? request.files : [];
  await Promise.all(files.map((file) => unlink(file.path).catch(() => undefined)));
}

const isTooLarge = (error: unknown): error is ProblemException =>
  error instanceof ProblemException && error.getStatus() === 413;

/**
 * Streams the `files` of a multipart form to the store's temporary area, hashing as they arrive,
 * and removes those temporary files when the request ends, whatever its outcome.
 */
export function EvidenceFilesInterceptor(options: EvidenceFilesOptions): Type<NestInterceptor> {
  @Injectable()
  class EvidenceFiles implements NestInterceptor {
    private readonly limits: MultipartLimits;
    private readonly read;

    constructor(
      @Inject(APP_CONFIG) config: AppConfig,
      @Inject(EVIDENCE_STORE) store: EvidenceStore,
    ) {
      this.limits = {
        ...options.fields,
        files: config.evidence.maxFiles,
        fileSize: config.evidence.maxFileBytes,
        parts: options.fields.fields + config.evidence.maxFiles,
      };
      this.read = multer({
        limits: this.limits,
        // Browsers, curl and fetch send a file name as raw UTF-8; multer's default, latin1, turns
        // 聊天截图.png into mojibake. A name given as filename*=UTF-8''… names its charset anyway.
        defParamCharset: 'utf8',
        storage: new HashingStorage(() => store.temporaryPath()),
      }).array('files', config.evidence.maxFiles);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request>();
      if (!request.is('multipart/form-data')) {
        if (!options.multipartOnly) return next.handle();
        throw new ProblemException(
          415,
          'Send evidence as multipart/form-data with files in files.',
        );
      }
      try {
        await readMultipart(this.read, context, this.limits);
      } catch (error) {
        await removeUploads(request);
        if (!options.refusalToHandler || !isTooLarge(error)) throw error;
        (request as RefusableRequest).uploadRefusal = error;
        request.files = [];
        return next.handle();
      }
      return next.handle().pipe(finalize(() => void removeUploads(request)));
    }
  }
  return mixin(EvidenceFiles);
}
