import type { CaseEntity } from './case.entity';
import type { StoredSighting } from './case-parties.repository';
import type {
  CaseAnalysisView,
  CaseSummaryView,
  CaseView,
  EvidenceSummaryView,
  IdentifierView,
  ReportedPartyView,
  ResolutionView,
  ServiceLevelView,
} from './case.view';
import { appealDeadline } from './appeal-deadline';
import type { PaymentProvider } from '../identifiers/identifier-kind';
import type { Platform } from '../common/platform';

export function toCaseSummaryView(kase: CaseEntity): CaseSummaryView {
  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    outcome: kase.outcome,
    type: kase.type,
    platform: kase.platform,
    title: kase.title,
    reportedElsewhere: kase.reportedElsewhere,
    createdAt: kase.createdAt.toISOString(),
    updatedAt: kase.updatedAt.toISOString(),
  };
}

export function toIdentifierView(sighting: Omit<StoredSighting, 'partyId'>): IdentifierView {
  const view: IdentifierView = {
    kind: sighting.kind,
    value: sighting.value,
    display: sighting.display,
  };
  if (sighting.kind === 'platform_account') view.platform = sighting.scope as Platform;
  if (sighting.kind === 'payment_account') view.provider = sighting.scope as PaymentProvider;
  return view;
}

/** The decision's reasons while the case stands decided. */
function resolutionOf(kase: CaseEntity): ResolutionView | null {
  if (kase.status !== 'resolved' || kase.resolutionSummary === null) return null;
  return {
    summary: kase.resolutionSummary,
    actions: kase.resolutionActions,
    decidedAt: kase.decidedAt?.toISOString() ?? null,
  };
}

export function toCaseView(
  kase: CaseEntity,
  partyIds: string[],
  sightings: StoredSighting[],
  evidence: EvidenceSummaryView[],
  analysis: CaseAnalysisView,
  appealWindowDays: number,
): CaseView {
  const reported: ReportedPartyView[] = partyIds.map((id) => ({
    id,
    identifiers: sightings.filter((s) => s.partyId === id).map(toIdentifierView),
  }));
  return {
    ...toCaseSummaryView(kase),
    description: kase.description,
    incidentAt: kase.incidentAt?.toISOString() ?? null,
    amountDemanded:
      kase.amountDemanded && kase.currency
        ? { amount: kase.amountDemanded, currency: kase.currency }
        : null,
    amountPaid:
      kase.amountPaid && kase.currency
        ? { amount: kase.amountPaid, currency: kase.currency }
        : null,
    demandChannel: kase.demandChannel,
    payeeAccount:
      kase.payeeProvider && kase.payeeAccount
        ? {
            provider: kase.payeeProvider,
            value: kase.payeeAccount,
            display: kase.payeeDisplay ?? kase.payeeAccount,
          }
        : null,
    demandDeadline: kase.demandDeadline?.toISOString() ?? null,
    orderIds: kase.orderIds,
    reported,
    evidence,
    analysis,
    resolution: resolutionOf(kase),
    appealableUntil: appealDeadline(kase, appealWindowDays)?.toISOString() ?? null,
  };
}

/** A strong validator that changes with every write to the case. */
export function caseEtag(kase: CaseEntity): string {
  return `"${kase.id}.${kase.version}"`;
}

/** The service levels of a case at `now`: missed when marked so, or past due now. */
export function toServiceLevelView(
  kase: Pick<
    CaseEntity,
    | 'firstResponseDueAt'
    | 'firstResponseAt'
    | 'resolutionDueAt'
    | 'firstResponseBreachedAt'
    | 'resolutionBreachedAt'
  >,
  now: Date,
): ServiceLevelView {
  const past = (due: Date | null) => due !== null && due.getTime() <= now.getTime();
  return {
    firstResponseDueAt: kase.firstResponseDueAt?.toISOString() ?? null,
    firstResponseAt: kase.firstResponseAt?.toISOString() ?? null,
    resolutionDueAt: kase.resolutionDueAt?.toISOString() ?? null,
    breached:
      kase.firstResponseBreachedAt !== null ||
      kase.resolutionBreachedAt !== null ||
      (kase.firstResponseAt === null && past(kase.firstResponseDueAt)) ||
      past(kase.resolutionDueAt),
  };
}
