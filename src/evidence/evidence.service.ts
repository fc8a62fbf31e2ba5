import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AccessAction, allows, caseSubject, requireAccess } from '../auth/access-policy';
import { CaseWriter } from '../cases/case-writer';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import type { CaseEntity } from '../cases/case.entity';
import type { LockedCase } from '../cases/locked-case';
import type { FieldError } from '../common/problem/problem-details';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import {
  INTEGER_MAX,
  requireSequenceCursor,
  toSequencePage,
} from '../common/pagination/sequence-cursor';
import { ProblemException } from '../common/problem/problem.exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { EvidenceKind } from './evidence-kind';
import { evidenceKindOf } from './evidence-kind-of';
import { EvidenceEntity } from './evidence.entity';
import { EvidenceRepository, NewEvidence } from './evidence.repository';
import { ImageRejected, checkImage } from './images/safe-sharp';
import { OrderExportRejected } from './orders/order-export-rejected';
import { OrderRecordPageView, toOrderRecordView } from './orders/order-record.view';
import { OrderRecordsRepository } from './orders/order-records.repository';
import { openXlsxZip } from './orders/xlsx-zip';
import { EvidenceListView, EvidenceView, toEvidenceView } from './evidence.view';
import { DerivedVariant, EVIDENCE_STORE, EvidenceStore } from './store/evidence-store';
import { findMarkup, Markup } from './text/find-markup';
import { readText } from './text/read-text';
import { safeFileName } from './upload/file-name';
import type { HashedFile } from './upload/hashing-storage';
import { decideMediaType, XLSX_MEDIA_TYPE } from './upload/media-types';
import { sniffMediaType } from './upload/sniff';

export type UploadedFile = Express.Multer.File & HashedFile;

/** A file whose bytes passed the checks and are in the store, before it belongs to a case. */
export type AcceptedFile = Omit<NewEvidence, 'caseId' | 'uploadedBy'>;

@Injectable()
export class EvidenceService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly evidence: EvidenceRepository,
    private readonly writer: CaseWriter,
    private readonly orderRecordRows: OrderRecordsRepository,
  ) {}

  /**
   * Keeps uploaded files as evidence of a case. The bytes decide each file's type; one refused
   * file refuses the request and nothing is stored. The upload interceptor removes the temporary
   * files whatever happens here.
   */
  async upload(
    caller: AuthUser,
    idOrReference: string,
    files: UploadedFile[],
    kind: EvidenceKind | undefined,
  ): Promise<EvidenceView[]> {
    const kase = await this.cases.require(caller, 'case.add-evidence', idOrReference);
    if (kase.status === 'withdrawn') {
      throw new ProblemException(409, 'The case is withdrawn; it takes no more evidence.');
    }
    if (files.length === 0) {
      throw new ProblemException(400, 'Send at least one file in the field files.', [
        { field: 'files', message: 'is required' },
      ]);
    }
    const accepted = await this.accept(files, kind);
    const stored = await this.caseRows.lockAndRun(kase.id, (manager, locked) =>
      this.attach(manager, caller, locked, accepted),
    );
    const internal = allows(caller, 'case.read-internal', caseSubject(kase));
    return stored.map((item) => toEvidenceView(item, internal));
  }

  /**
   * Checks each file's bytes and moves it into the store, durable before any row names it. All
   * refusals come at once, each naming its file; then nothing is stored.
   */
  async accept(files: UploadedFile[], kind: EvidenceKind | undefined): Promise<AcceptedFile[]> {
    const accepted = await this.checkFiles(files, kind);
    for (const file of files) await this.store.adopt(file.path, file.sha256);
    return accepted;
  }

  /**
   * Records accepted files as evidence of a case, in the caller's transaction: rows, one event
   * and a processing job each. Bytes the case already holds come back as the existing item.
   */
  async attach(
    manager: EntityManager,
    caller: AuthUser,
    kase: LockedCase,
    files: AcceptedFile[],
  ): Promise<EvidenceEntity[]> {
    const results = await this.evidence.insertOrFind(
      manager,
      files.map((file) => ({ ...file, caseId: kase.id, uploadedBy: caller.id })),
    );
    const created = results.filter((result) => result.created).map((result) => result.evidence);
    if (created.length > 0) {
      await this.writer.apply(
        manager,
        kase,
        { kind: 'evidence_added', evidenceIds: created.map((evidence) => evidence.id) },
        caller.id,
      );
    }
    return results.map((result) => result.evidence);
  }

  async listOfCase(caller: AuthUser, idOrReference: string): Promise<EvidenceListView> {
    const kase = await this.cases.require(caller, 'evidence.read', idOrReference);
    const items = await this.evidence.listOfCase(kase.id);
    const identifiers = await this.evidence.identifiersOf(items.map((item) => item.id));
    const internal = allows(caller, 'case.read-internal', caseSubject(kase));
    return {
      items: items.map((item) => toEvidenceView(item, internal, identifiers.get(item.id))),
    };
  }

  async get(caller: AuthUser, id: string): Promise<EvidenceView> {
    const { evidence, kase } = await this.require(caller, 'evidence.read', id);
    const internal = allows(caller, 'evidence.read-text', caseSubject(kase));
    if (internal) Object.assign(evidence, await this.evidence.textsOf(id));
    const identifiers = await this.evidence.identifiersOf([id]);
    return toEvidenceView(evidence, internal, identifiers.get(id));
  }

  /**
   * The original bytes for download. Every download is an internal case event, so the record
   * shows who took a copy of the evidence and when.
   */
  async openOriginal(
    caller: AuthUser,
    id: string,
  ): Promise<{ evidence: EvidenceEntity; content: Readable }> {
    const { evidence } = await this.require(caller, 'evidence.read-original', id);
    const content = await this.store.read(evidence.sha256);
    try {
      await this.caseRows.lockAndRun(evidence.caseId, (manager, locked) =>
        this.writer.apply(
          manager,
          locked,
          { kind: 'original_downloaded', evidenceId: evidence.id, sha256: evidence.sha256 },
          caller.id,
        ),
      );
    } catch (error) {
      content.destroy();
      throw error;
    }
    return { evidence, content };
  }

  /** The order records read from an export, in file order. */
  async orderRecords(
    caller: AuthUser,
    id: string,
    query: ListQueryDto,
  ): Promise<OrderRecordPageView> {
    const { evidence } = await this.require(caller, 'evidence.read', id);
    const rows = await this.orderRecordRows.page(
      this.dataSource.manager,
      evidence.id,
      // order_records.row_number is an integer column.
      requireSequenceCursor(query.cursor, INTEGER_MAX),
      query.limit,
    );
    return toSequencePage(rows, query.limit, toOrderRecordView, (row) => row.seq);
  }

  /** A sanitised rendering of an image; 404 until processing has made it. */
  async openDerived(caller: AuthUser, id: string, variant: DerivedVariant): Promise<Readable> {
    const { evidence } = await this.require(caller, 'evidence.read', id);
    if (evidence.status !== 'processed' || evidence.kind !== 'chat_screenshot') {
      throw new NotFoundException(`This evidence has no ${variant}.`);
    }
    return this.store.readDerived(evidence.sha256, variant);
  }

  /** The evidence and its case if the caller may take `action` on it; 404 or 403 otherwise. */
  private async require(
    caller: AuthUser,
    action: AccessAction,
    id: string,
  ): Promise<{ evidence: EvidenceEntity; kase: CaseEntity }> {
    const evidence = await this.evidence.findById(id);
    const kase = evidence && (await this.caseRows.findById(evidence.caseId));
    requireAccess(caller, action, { kind: 'evidence', sellerId: kase?.sellerId });
    return { evidence: evidence as EvidenceEntity, kase: kase as CaseEntity };
  }

  /** Every file's type from its bytes; all refusals at once, each naming its file. */
  private async checkFiles(
    files: UploadedFile[],
    kind: EvidenceKind | undefined,
  ): Promise<AcceptedFile[]> {
    const errors: FieldError[] = [];
    let status = 415;
    const items: AcceptedFile[] = [];
    for (const [index, file] of files.entries()) {
      const fileName = safeFileName(file.originalname);
      if (file.size === 0) {
        errors.push({ field: `files[${index}]`, message: `${fileName} is empty` });
        status = 422;
        continue;
      }
      const sniffed = await sniffMediaType(file.path);
      const markup = sniffed === 'text/plain' ? await markupIn(file.path) : null;
      if (markup) {
        errors.push({
          field: `files[${index}]`,
          message: `${fileName} holds ${markup.found} on line ${markup.line}; text evidence must be plain text, without HTML, SVG or XML markup.`,
        });
        continue;
      }
      const fileKind = kind ?? evidenceKindOf(sniffed, fileName);
      const decision = decideMediaType(fileKind, sniffed, file.mimetype ?? '', fileName);
      if (!decision.ok) {
        errors.push({ field: `files[${index}]`, message: decision.reason });
        continue;
      }
      const damage = await this.contentFault(decision.mediaType, file.path);
      if (damage) {
        errors.push({ field: `files[${index}]`, message: `${fileName}: ${damage}` });
        status = 422;
        continue;
      }
      items.push({
        kind: fileKind,
        fileName,
        mediaType: decision.mediaType,
        size: String(file.size),
        sha256: file.sha256,
      });
    }
    if (errors.length > 0) {
      throw new ProblemException(
        status,
        status === 415
          ? 'Some files are not of a type this evidence accepts; nothing was stored.'
          : 'Some files cannot be kept; nothing was stored.',
        errors,
      );
    }
    return items;
  }

  /**
   * Why a file's contents cannot be used, found cheaply while its uploader waits: an image that
   * does not decode within the pixel limit, a spreadsheet whose zip directory is a bomb.
   */
  private async contentFault(mediaType: string, path: string): Promise<string | null> {
    try {
      if (mediaType.startsWith('image/')) {
        await checkImage(await readFile(path), this.config.evidence.maxImagePixels);
      } else if (mediaType === XLSX_MEDIA_TYPE) {
        await openXlsxZip(path, this.config.evidence.maxXlsxBytes);
      }
      return null;
    } catch (error) {
      if (error instanceof ImageRejected || error instanceof OrderExportRejected) {
        return error.message;
      }
      throw error;
    }
  }
}

/** Markup anywhere in a text upload: order exports and chat logs alike reach views as text. */
async function markupIn(path: string): Promise<Markup | null> {
  return findMarkup(await readText(createReadStream(path)));
}
