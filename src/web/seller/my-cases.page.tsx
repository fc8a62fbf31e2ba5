import type { CasePageView } from '../../cases/case.view';
import { formatDateTime } from '../i18n/formats';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export function MyCasesPage({ ctx, page }: { ctx: WebContext; page: CasePageView }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.cases.title}>
      <h1>{m.cases.title}</h1>
      <p>
        <a class="button" href="/cases/new">
          {m.layout.newCase}
        </a>
      </p>
      {page.items.length === 0 ? (
        <p>{m.cases.empty}</p>
      ) : (
        <ul class="case-list">
          {page.items.map((item) => (
            <li class={`case-card status-${item.status}`}>
              <a href={`/cases/${item.reference}`}>
                <span class="case-title">{item.title}</span>
                <span class="case-reference">{item.reference}</span>
              </a>
              <p>
                <span class={`badge badge-${item.status}`}>{m.statuses[item.status]}</span>{' '}
                {item.outcome ? m.outcomes[item.outcome] : m.expected[item.status]}
              </p>
              <p class="muted">
                {m.cases.updated}: {formatDateTime(item.updatedAt, ctx.locale, ctx.utcOffset)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <p>
          <a href={`/cases?cursor=${encodeURIComponent(page.nextCursor)}`}>{m.cases.more}</a>
        </p>
      ) : null}
    </Layout>
  );
}
