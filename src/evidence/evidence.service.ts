import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isStaff } from '../cases/case-access';
import { CaseEventsRepository } from '../cases/case-events.repository';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import type { FieldError } from '../common/problem/problem-details';
import { ProblemException } from '../common/problem/problem.exception';
import { OutboxEvent } from '../jobs/job-names';
import { OutboxService } from '../jobs/outbox.service';
import type { EvidenceKind } from './evidence-kind';
import { evidenceKindOf } from './evidence-kind-of';
import { EvidenceEntity } from './evidence.entity';
import { EvidenceRepository, NewEvidence } from './evidence.repository';
import { EvidenceListView, EvidenceView, toEvidenceView } from './evidence.view';
import { DerivedVariant, EVIDENCE_STORE, EvidenceStore } from './store/evidence-store';
import { safeFileName } from './upload/file-name';
import type { HashedFile } from './upload/hashing-storage';
import { decideMediaType } from './upload/media-types';
import { sniffMediaType } from './upload/sniff';

export type UploadedFile = Express.Multer.File & HashedFile;

/** A file whose bytes passed the checks, before it belongs to a case. */
type CheckedFile = Omit<NewEvidence, 'caseId' | 'uploadedBy'>;

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly evidence: EvidenceRepository,
    private readonly events: CaseEventsRepository,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Keeps uploaded files as evidence of a case. The bytes decide each file's type; one refused
   * file refuses the request and nothing is stored. Stored bytes are durable before their rows
   * commit. The upload interceptor removes the temporary files whatever happens here.
   */
  async upload(
    caller: AuthUser,
    idOrReference: string,
    files: UploadedFile[],
    kind: EvidenceKind | undefined,
  ): Promise<EvidenceView[]> {
    const kase = await this.cases.requireVisible(caller, idOrReference);
    if (kase.status === 'withdrawn') {
      throw new ProblemException(409, 'The case is withdrawn; it takes no more evidence.');
    }
    if (files.length === 0) {
      throw new ProblemException(400, 'Send at least one file in the field files.', [
        { field: 'files', message: 'is required' },
      ]);
    }
    const checked = await this.checkFiles(files, kind);
    for (const file of files) await this.store.adopt(file.path, file.sha256);
    const items: NewEvidence[] = checked.map((file) => ({
      ...file,
      caseId: kase.id,
      uploadedBy: caller.id,
    }));
    const stored = await this.dataSource.transaction(async (manager) => {
      const results = await this.evidence.insertOrFind(manager, items);
      const created = results.filter((result) => result.created).map((result) => result.evidence);
      if (created.length > 0) {
        // The case view lists its evidence: a new version, so its ETag moves on.
        await this.caseRows.update(manager, kase.id, {});
        await this.events.append(manager, {
          caseId: kase.id,
          actorId: caller.id,
          kind: 'evidence_added',
          visibility: 'seller',
          data: { evidenceIds: created.map((evidence) => evidence.id) },
        });
      }
      for (const evidence of created) {
        await this.outbox.publish(manager, OutboxEvent.EvidenceReceived, {
          evidenceId: evidence.id,
          caseId: kase.id,
        });
      }
      return results.map((result) => result.evidence);
    });
    return stored.map((item) => toEvidenceView(item, isStaff(caller)));
  }

  async listOfCase(caller: AuthUser, idOrReference: string): Promise<EvidenceListView> {
    const kase = await this.cases.requireVisible(caller, idOrReference);
    return {
      items: (await this.evidence.listOfCase(kase.id)).map((item) =>
        toEvidenceView(item, isStaff(caller)),
      ),
    };
  }

  async get(caller: AuthUser, id: string): Promise<EvidenceView> {
    return toEvidenceView(await this.requireVisible(caller, id), isStaff(caller));
  }

  /**
   * The original bytes for download. Every download is an internal case event, so the record
   * shows who took a copy of the evidence and when.
   */
  async openOriginal(
    caller: AuthUser,
    id: string,
  ): Promise<{ evidence: EvidenceEntity; content: Readable }> {
    const evidence = await this.requireVisible(caller, id);
    const content = await this.store.read(evidence.sha256);
    try {
      await this.dataSource.transaction((manager) =>
        this.events.append(manager, {
          caseId: evidence.caseId,
          actorId: caller.id,
          kind: 'original_downloaded',
          visibility: 'internal',
          data: { evidenceId: evidence.id, sha256: evidence.sha256 },
        }),
      );
    } catch (error) {
      content.destroy();
      throw error;
    }
    return { evidence, content };
  }

  /** A sanitised rendering of an image; 404 until processing has made it. */
  async openDerived(caller: AuthUser, id: string, variant: DerivedVariant): Promise<Readable> {
    const evidence = await this.requireVisible(caller, id);
    if (evidence.status !== 'processed' || evidence.kind !== 'chat_screenshot') {
      throw new NotFoundException(`This evidence has no ${variant}.`);
    }
    return this.store.readDerived(evidence.sha256, variant);
  }

  private async requireVisible(caller: AuthUser, id: string): Promise<EvidenceEntity> {
    const evidence = await this.evidence.findById(id);
    if (evidence) {
      try {
        await this.cases.requireVisible(caller, evidence.caseId);
        return evidence;
      } catch (error) {
        if (!(error instanceof NotFoundException)) throw error;
      }
    }
    throw new NotFoundException('No such evidence.');
  }

  /** Every file's type from its bytes; all refusals at once, each naming its file. */
  private async checkFiles(
    files: UploadedFile[],
    kind: EvidenceKind | undefined,
  ): Promise<CheckedFile[]> {
    const errors: FieldError[] = [];
    let status = 415;
    const items: CheckedFile[] = [];
    for (const [index, file] of files.entries()) {
      const fileName = safeFileName(file.originalname);
      if (file.size === 0) {
        errors.push({ field: `files[${index}]`, message: `${fileName} is empty` });
        status = 422;
        continue;
      }
      const sniffed = await sniffMediaType(file.path);
      const fileKind = kind ?? evidenceKindOf(sniffed, fileName);
      const decision = decideMediaType(fileKind, sniffed, file.mimetype ?? '', fileName);
      if (!decision.ok) {
        errors.push({ field: `files[${index}]`, message: decision.reason });
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
}
