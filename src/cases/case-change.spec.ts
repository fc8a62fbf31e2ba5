import { OutboxEvent } from '../jobs/job-names';
import { CaseChange, planChange } from './case-change';

const openCase = {
  id: 'case-1',
  reference: 'BW-7K3D9Q',
  type: 'extortion',
  sellerId: 'seller-1',
  status: 'open',
  outcome: null,
} as const;

describe('planning a case change', () => {
  // Each change: the event it writes, who sees it, whether the ETag moves, the outbox events.
  it.each<[CaseChange, string, string, boolean, OutboxEvent[]]>([
    [{ kind: 'created' }, 'case_created', 'seller', false, [OutboxEvent.CaseCreated]],
    [{ kind: 'moved', move: 'withdraw' }, 'withdrawn', 'seller', true, [OutboxEvent.CaseUpdated]],
    [
      { kind: 'message_posted', messageId: 'm' },
      'message_posted',
      'seller',
      true,
      [OutboxEvent.MessagePosted],
    ],
    [{ kind: 'note_added', body: 'n' }, 'note_added', 'internal', false, [OutboxEvent.NoteAdded]],
    [
      { kind: 'evidence_added', evidenceIds: ['e1', 'e2'] },
      'evidence_added',
      'seller',
      true,
      [OutboxEvent.EvidenceReceived, OutboxEvent.EvidenceReceived],
    ],
    [
      { kind: 'evidence_finished', evidenceId: 'e', evidenceKind: 'chat_log', status: 'processed' },
      'evidence_processed',
      'seller',
      true,
      [OutboxEvent.EvidenceProcessed],
    ],
    [
      { kind: 'evidence_finished', evidenceId: 'e', evidenceKind: 'other', status: 'rejected' },
      'evidence_rejected',
      'seller',
      true,
      [],
    ],
    [
      { kind: 'evidence_analysed', evidenceId: 'e', identifiersFound: 2 },
      'evidence_analysed',
      'seller',
      true,
      [],
    ],
    [
      { kind: 'original_downloaded', evidenceId: 'e', sha256: 'ab' },
      'original_downloaded',
      'internal',
      false,
      [],
    ],
    [
      {
        kind: 'sighting_reviewed',
        sightingId: 's',
        status: 'rejected',
        identifierKind: 'qq',
        value: '2847561923',
      },
      'sighting_rejected',
      'internal',
      false,
      [OutboxEvent.SightingReviewed],
    ],
    [
      { kind: 'priority_raised', priority: 10, offenderId: 'o', sellerCount: 2, caseCount: 3 },
      'offender_flagged',
      'internal',
      true,
      [OutboxEvent.CaseRaised],
    ],
    [
      { kind: 'claimed', assigneeId: 'm', leaseUntil: new Date(0), how: 'claim' },
      'case_claimed',
      'internal',
      true,
      [],
    ],
    [{ kind: 'released', why: 'lapsed' }, 'claim_released', 'internal', true, []],
    [
      { kind: 'reported_elsewhere_changed', reportedElsewhere: true },
      'reported_elsewhere_changed',
      'internal',
      true,
      [],
    ],
  ])('%o writes %s for %s (ETag moves: %s)', (change, kind, visibility, bumps, outbox) => {
    const planned = planChange(openCase, change);
    if (!planned.ok) throw new Error(planned.reason);
    expect(planned.plan.event.kind).toBe(kind);
    expect(planned.plan.event.visibility).toBe(visibility);
    expect(planned.plan.bumpsVersion).toBe(bumps);
    expect(planned.plan.outbox.map((message) => message.event)).toEqual(outbox);
  });

  it('records a decision, and a merge as a duplicate', () => {
    const resolved = planChange(openCase, { kind: 'moved', move: 'resolve', outcome: 'upheld' });
    expect(resolved.ok && resolved.plan.set).toEqual({ status: 'resolved', outcome: 'upheld' });
    const merged = planChange(openCase, {
      kind: 'moved',
      move: 'merge',
      details: { targetCaseId: 'case-2' },
    });
    expect(merged.ok && merged.plan.set).toEqual({ status: 'resolved', outcome: 'duplicate' });
    expect(merged.ok && merged.plan.event.data).toEqual(
      expect.objectContaining({ targetCaseId: 'case-2', outcome: 'duplicate' }),
    );
  });

  it('refuses a move the table refuses, with the reason naming the legal moves', () => {
    const refused = planChange(
      { ...openCase, status: 'withdrawn' },
      { kind: 'moved', move: 'appeal' },
    );
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/withdrawn.*no move/) });
  });

  it('raises priority and sets the mark only through the fields it names', () => {
    const raised = planChange(openCase, {
      kind: 'priority_raised',
      priority: 10,
      offenderId: 'o',
      sellerCount: 2,
      caseCount: 3,
    });
    expect(raised.ok && raised.plan.set).toEqual({ priority: 10 });
  });
});
