import type {
  OffenderPageView,
  OffenderSummaryView,
  OffenderView,
} from '../../intel/offenders/offender.view';
import type { MoneyDto } from '../../cases/case.dto';
import { formatDateTime, formatMoney } from '../i18n/formats';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

const moneyList = (ctx: WebContext, amounts: MoneyDto[]) =>
  amounts.map((money) => formatMoney(money.amount, money.currency, ctx.locale)).join(', ') || '—';

function OffenderRow({ ctx, offender }: { ctx: WebContext; offender: OffenderSummaryView }) {
  const o = ctx.m.console.offenders;
  return (
    <tr>
      <td>
        <a href={`/console/offenders/${offender.id}`}>{offender.id.slice(0, 8)}</a>
        {offender.repeatOffender ? <span class="badge">{o.repeat}</span> : null}
      </td>
      <td>{Math.round(offender.riskScore)}</td>
      <td>{`${offender.sellerCount} (${offender.verifiedSellerCount})`}</td>
      <td>{offender.caseCount}</td>
      <td>{moneyList(ctx, offender.totalDemanded)}</td>
      <td>{moneyList(ctx, offender.totalPaid)}</td>
      <td>
        {offender.lastSeenAt ? formatDateTime(offender.lastSeenAt, ctx.locale, ctx.utcOffset) : '—'}
      </td>
    </tr>
  );
}

function OffenderTable({ ctx, items }: { ctx: WebContext; items: OffenderSummaryView[] }) {
  const o = ctx.m.console.offenders;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{o.offender}</th>
            <th scope="col">{o.risk}</th>
            <th scope="col">{o.victims}</th>
            <th scope="col">{o.cases}</th>
            <th scope="col">{o.demanded}</th>
            <th scope="col">{o.paid}</th>
            <th scope="col">{o.lastSeen}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((offender) => (
            <OffenderRow ctx={ctx} offender={offender} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OffendersPage({ ctx, page }: { ctx: WebContext; page: OffenderPageView }) {
  const o = ctx.m.console.offenders;
  return (
    <Layout ctx={ctx} title={o.title} wide>
      <h1>{o.title}</h1>
      {page.items.length === 0 ? <p>{o.empty}</p> : <OffenderTable ctx={ctx} items={page.items} />}
      {page.nextCursor ? (
        <p>
          <a href={`/console/offenders?cursor=${encodeURIComponent(page.nextCursor)}`}>
            {ctx.m.console.queue.next}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

export function OffenderPage({ ctx, offender }: { ctx: WebContext; offender: OffenderView }) {
  const { m } = ctx;
  const o = m.console.offenders;
  return (
    <Layout ctx={ctx} title={`${o.offender} ${offender.id.slice(0, 8)}`} wide>
      <h1>{`${o.offender} ${offender.id.slice(0, 8)}`}</h1>
      <OffenderTable ctx={ctx} items={[offender]} />
      <h2>{o.identifiers}</h2>
      <ul class="identifiers">
        {offender.identifiers.map((identifier) => (
          <li>
            {m.identifierKinds[identifier.kind]} <strong>{identifier.value}</strong>
          </li>
        ))}
      </ul>
      <h2>{o.cases}</h2>
      <ul class="plain">
        {offender.cases.map((kase) => (
          <li>
            <a href={`/console/cases/${kase.reference}`}>{kase.reference}</a> ·{' '}
            {m.caseTypes[kase.type as keyof typeof m.caseTypes] ?? kase.type} ·{' '}
            {m.console.staffStatuses[kase.status as keyof typeof m.console.staffStatuses] ??
              kase.status}{' '}
            · {formatDateTime(kase.createdAt, ctx.locale, ctx.utcOffset)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
