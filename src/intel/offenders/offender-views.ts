import type { MoneyDto } from '../../cases/case.dto';
import type { IdentifierKind } from '../../identifiers/identifier-kind';
import type { IdentifierRow, OffenderRow } from './offender-reads.repository';
import type { CurrencyTotals } from './offender.entity';
import type {
  OffenderCaseView,
  OffenderIdentifierView,
  OffenderSummaryView,
} from './offender.view';

function amounts(totals: CurrencyTotals, which: 'demanded' | 'paid'): MoneyDto[] {
  return Object.entries(totals)
    .filter(([, sums]) => Number(sums[which]) > 0)
    .map(([currency, sums]) => ({ amount: sums[which], currency }))
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export function toOffenderSummaryView(row: OffenderRow): OffenderSummaryView {
  return {
    id: row.id,
    riskScore: row.risk_score,
    repeatOffender: row.repeat_offender,
    sellerCount: row.seller_count,
    verifiedSellerCount: row.verified_seller_count,
    caseCount: row.case_count,
    upheldCases: row.upheld_count,
    firstSeenAt: row.first_seen_at?.toISOString() ?? null,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    totalDemanded: amounts(row.totals, 'demanded'),
    totalPaid: amounts(row.totals, 'paid'),
    caseTypes: row.case_types,
    flaggedAt: row.flagged_at?.toISOString() ?? null,
  };
}

export function toOffenderIdentifierView(row: IdentifierRow): OffenderIdentifierView {
  return {
    id: row.id,
    kind: row.kind as IdentifierKind,
    scope: row.scope,
    value: row.value,
    partyCount: row.party_count,
  };
}

export function toOffenderCaseView(row: Record<string, unknown>): OffenderCaseView {
  return {
    id: String(row.id),
    reference: String(row.reference),
    sellerId: String(row.seller_id),
    type: String(row.type),
    status: String(row.status),
    createdAt: (row.created_at as Date).toISOString(),
  };
}
