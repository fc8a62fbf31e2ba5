import type { CaseView } from '../../cases/case.view';
import { formatDateTime, formatMoney } from '../i18n/formats';
import type { WebContext } from '../session/web-context';

/** What a case is about, the extortion ledger included: the same list for seller and staff. */
export function CaseFacts({ ctx, kase }: { ctx: WebContext; kase: CaseView }) {
  const { m } = ctx;
  const when = (iso: string) => formatDateTime(iso, ctx.locale, ctx.utcOffset);
  return (
    <dl class="facts">
      <dt>{m.casePage.reference}</dt>
      <dd class="reference">{kase.reference}</dd>
      <dt>{m.casePage.filed}</dt>
      <dd>{when(kase.createdAt)}</dd>
      <dt>{m.casePage.type}</dt>
      <dd>{m.caseTypes[kase.type]}</dd>
      <dt>{m.casePage.platform}</dt>
      <dd>{m.platforms[kase.platform]}</dd>
      {kase.incidentAt ? (
        <>
          <dt>{m.casePage.incidentAt}</dt>
          <dd>{when(kase.incidentAt)}</dd>
        </>
      ) : null}
      {kase.amountDemanded ? (
        <>
          <dt>{m.casePage.amountDemanded}</dt>
          <dd>
            {formatMoney(kase.amountDemanded.amount, kase.amountDemanded.currency, ctx.locale)}
          </dd>
        </>
      ) : null}
      {kase.amountPaid ? (
        <>
          <dt>{m.casePage.amountPaid}</dt>
          <dd>{formatMoney(kase.amountPaid.amount, kase.amountPaid.currency, ctx.locale)}</dd>
        </>
      ) : null}
      {kase.demandChannel ? (
        <>
          <dt>{m.casePage.demandChannel}</dt>
          <dd>{m.channels[kase.demandChannel]}</dd>
        </>
      ) : null}
      {kase.demandDeadline ? (
        <>
          <dt>{m.casePage.demandDeadline}</dt>
          <dd>{when(kase.demandDeadline)}</dd>
        </>
      ) : null}
      {kase.orderIds.length > 0 ? (
        <>
          <dt>{m.casePage.orderIds}</dt>
          <dd>{kase.orderIds.join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
}
