import { join } from 'node:path';
import ts from 'typescript';
import type { EntityManager } from 'typeorm';
import { JobContext } from './job-data';
import { JobName, OutboxEvent } from './job-names';
import { NoneOf, UnmetNeeds } from './job-payloads';
import { OnJob } from './on-job.decorator';
import { OutboxService } from './outbox.service';

// Everything down to the tests is for tsc, never run: each @ts-expect-error marks code that the
// contracts must refuse. tsc reports a directive with no error under it, so on the day one of
// these compiles, the first test below fails.

function accepts<T>(_value: T): void {}

export async function publishing(outbox: OutboxService, manager: EntityManager): Promise<void> {
  await outbox.publish(manager, OutboxEvent.EvidenceReceived, { evidenceId: 'e', caseId: 'c' });
  // @ts-expect-error -- a payload missing a field its job reads
  await outbox.publish(manager, OutboxEvent.EvidenceReceived, { caseId: 'c' });
  // @ts-expect-error -- another event's payload
  await outbox.publish(manager, OutboxEvent.CaseCreated, { evidenceId: 'e', caseId: 'c' });
  // @ts-expect-error -- a count as text
  await outbox.publish(manager, OutboxEvent.OffenderFlagged, { offenderId: 'o', sellerCount: '2' });
  const processed = { evidenceId: 'e', caseId: 'c' };
  // @ts-expect-error -- a kind no evidence has
  await outbox.publish(manager, OutboxEvent.EvidenceProcessed, { ...processed, kind: 'selfie' });
  // @ts-expect-error -- a status no case has
  await outbox.publish(manager, OutboxEvent.CaseUpdated, { caseId: 'c', status: 'closed' });
  // @ts-expect-error -- a job is not an event
  await outbox.publish(manager, JobName.LinkCase, { caseId: 'c' });
  const untyped: Record<string, string> = { caseId: 'c', sellerId: 's' };
  // @ts-expect-error -- the loose record payloads used to be
  await outbox.publish(manager, OutboxEvent.CaseCreated, untyped);
}

export class Handlers {
  @OnJob(JobName.LinkCase)
  async linkCase(job: JobContext<JobName.LinkCase>): Promise<void> {
    accepts<string>(job.payload.caseId);
    // @ts-expect-error -- linking reads no evidence id
    accepts<string>(job.payload.evidenceId);
  }

  @OnJob(JobName.RecordAccountActivity)
  async recordActivity(job: JobContext<JobName.RecordAccountActivity>): Promise<void> {
    accepts<OutboxEvent.AccountRegistered | OutboxEvent.AccountSignedIn>(job.event);
    // @ts-expect-error -- a new case never starts it
    accepts<JobContext<JobName.RecordAccountActivity>['event']>(OutboxEvent.CaseCreated);
  }

  @OnJob(JobName.ProcessEvidence)
  async takesNothing(): Promise<void> {}

  // @ts-expect-error -- a handler taking another job's context
  @OnJob(JobName.LinkCase)
  async wrongContext(job: JobContext<JobName.ProcessEvidence>): Promise<void> {
    accepts(job);
  }

  // @ts-expect-error -- a method whose argument is not a job at all
  @OnJob(JobName.LinkCase)
  async notAHandler(now: Date = new Date()): Promise<void> {
    accepts(now);
  }

  // @ts-expect-error -- a handler that does not return a promise
  @OnJob(JobName.LinkCase)
  synchronous(job: JobContext<JobName.LinkCase>): void {
    accepts(job);
  }
}

type SightingsStartProcessing = { [OutboxEvent.SightingsExtracted]: [JobName.ProcessEvidence] };
export type CarriesAnEvidenceId = NoneOf<UnmetNeeds<SightingsStartProcessing>>;
type MessagesStartProcessing = { [OutboxEvent.MessagePosted]: [JobName.ProcessEvidence] };
// @ts-expect-error -- a posted message carries no evidence id, so it cannot start processing
export type CarriesNoEvidenceId = NoneOf<UnmetNeeds<MessagesStartProcessing>>;

const ROOT = join(__dirname, '..', '..');
const TYPE_TESTS_CONFIG = join(ROOT, 'tsconfig.type-tests.json');
let previous: ts.Program | undefined;

/** tsc's errors for the type tests, or for one extra file given as text beside this one. */
function typeErrors(extra?: { path: string; text: string }): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(TYPE_TESTS_CONFIG, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${TYPE_TESTS_CONFIG}`);
  expect(parsed.fileNames).toContain(__filename);
  const host = ts.createCompilerHost(parsed.options);
  if (extra) {
    const { getSourceFile, fileExists } = host;
    host.fileExists = (name) => name === extra.path || fileExists(name);
    host.getSourceFile = (name, language, ...rest) =>
      name === extra.path
        ? ts.createSourceFile(name, extra.text, language)
        : getSourceFile(name, language, ...rest);
  }
  const program = ts.createProgram({
    rootNames: extra ? [extra.path] : parsed.fileNames,
    options: parsed.options,
    host,
    oldProgram: previous,
  });
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${text}`;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1} TS${diagnostic.code} ${text}`;
  });
}

describe('typed job contracts (checked by tsc, not by jest)', () => {
  it('compiles this file: every code marked above as refused is refused', () => {
    expect(typeErrors()).toEqual([]);
  });

  it('fails when a refused payload starts compiling: tsc reports the unused @ts-expect-error', () => {
    const path = join(__dirname, 'unused-expect-error.virtual.ts');
    const text = [
      "import type { EntityManager } from 'typeorm';",
      "import { OutboxEvent } from './job-names';",
      "import type { OutboxService } from './outbox.service';",
      'export async function right(outbox: OutboxService, manager: EntityManager) {',
      '  // @ts-expect-error -- yet this payload is right',
      "  await outbox.publish(manager, OutboxEvent.CaseCreated, { caseId: 'c', sellerId: 's' });",
      '}',
    ].join('\n');
    expect(typeErrors({ path, text })).toEqual([
      `${path}:5 TS2578 Unused '@ts-expect-error' directive.`,
    ]);
  });
});
