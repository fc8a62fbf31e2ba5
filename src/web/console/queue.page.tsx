import { CASE_TYPES } from '../../cases/case-type';
import { UNDECIDED } from '../../cases/case-transitions';
import { PLATFORMS } from '../../common/platform';
import type { QueueCountsView, QueueItemView, QueuePageView } from '../../moderation/queue.view';
import type { QueueQueryDto } from '../../moderation/queue-query.dto';
import { formatDateTime } from '../i18n/formats';
import type { Messages } from '../i18n/messages';
import { CsrfField } from '../render/csrf-field';
import { Options } from '../render/form';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

const SOON_MS = 4 * 3600_000;

export interface QueuePageProps {
  ctx: WebContext;
  page: QueuePageView;
  query: QueueQueryDto;
  now: Date;
}

function Badges({ ctx, item, now }: { ctx: WebContext; item: QueueItemView; now: Date }) {
  const b = ctx.m.console.badges;
  const due = item.serviceLevel.resolutionDueAt ?? item.serviceLevel.firstResponseDueAt;
  const soon = due !== null && Date.parse(due) - now.getTime() < SOON_MS;
  const labels = [
    item.badges.repeatOffender ? b.repeatOffender : '',
    item.badges.campaign ? b.campaign : '',
    item.badges.deadline
      ? b.deadline(formatDateTime(item.badges.deadline, ctx.locale, ctx.utcOffset))
      : '',
    item.badges.appealed ? b.appealed : '',
    item.badges.yourDecisionAppealed ? b.yourDecisionAppealed : '',
    item.badges.likelyDuplicate ? b.likelyDuplicate : '',
    item.serviceLevel.breached ? b.breached : soon ? b.breachSoon : '',
  ].filter(Boolean);
  return (
    <ul class="badges">
      {labels.map((label) => (
        <li class="badge">{label}</li>
      ))}
    </ul>
  );
}

const termName = (m: Messages, term: string): string =>
  (m.console.terms as Record<string, string>)[term] ?? term;

function QueueRow({ ctx, item, now }: { ctx: WebContext; item: QueueItemView; now: Date }) {
  const { m } = ctx;
  const q = m.console.queue;
  return (
    <li class="queue-item" data-queue-item={item.id} data-href={`/console/cases/${item.reference}`}>
      <div class="queue-head">
        <span class="priority" title={q.priority}>
          {Math.round(item.priority)}
        </span>
        <a href={`/console/cases/${item.reference}`} class="queue-title">
          {item.title}
        </a>
        <span class="reference">{item.reference}</span>
      </div>
      <p class="muted">
        <span class={`badge badge-${item.status}`}>{m.console.staffStatuses[item.status]}</span>{' '}
        {m.caseTypes[item.type]} · {m.platforms[item.platform]} · {item.seller.displayName}
        {item.seller.shopVerified ? ` (${q.shopVerified})` : ''}
        {item.victims ? ` · ${q.victims(item.victims.shops, item.victims.verified)}` : ''}
      </p>
      <Badges ctx={ctx} item={item} now={now} />
      <details class="why">
        <summary>{q.why}</summary>
        <ul>
          {item.terms.map((term) => (
            <li>
              {termName(m, term.term)}: +{term.points}
              {term.detail ? ` (${term.detail})` : ''}
            </li>
          ))}
        </ul>
      </details>
      <div class="queue-actions">
        <span class="muted">
          {item.assignee ? q.claimedBy(item.assignee.displayName) : q.unclaimed} ·{' '}
          {q.waiting(formatDateTime(item.waitingSince, ctx.locale, ctx.utcOffset))}
        </span>
        {item.assignee?.id !== ctx.user?.id ? (
          <form method="post" action={`/console/cases/${item.reference}/claim`} class="inline">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="back" value={ctx.path} />
            <button type="submit" class="button button-secondary" data-claim>
              {q.claim}
            </button>
          </form>
        ) : null}
      </div>
    </li>
  );
}

export function QueuePage({ ctx, page, query, now }: QueuePageProps) {
  const { m } = ctx;
  const q = m.console.queue;
  const nextQuery = new URLSearchParams(
    Object.entries({ ...query, cursor: page.nextCursor ?? '' }).filter(
      ([, value]) => typeof value === 'string' && value !== '',
    ) as [string, string][],
  );
  return (
    <Layout ctx={ctx} title={q.title} wide>
      <h1>{q.title}</h1>
      {page.counts ? (
        <dl class="counters" aria-label={q.counts}>
          {UNDECIDED.map((status) => (
            <div>
              <dt>{m.console.staffStatuses[status]}</dt>
              <dd>{page.counts![status as keyof QueueCountsView]}</dd>
            </div>
          ))}
          {page.figures ? (
            <>
              <div>
                <dt>{`${q.inbound} (${q.figures})`}</dt>
                <dd>{page.figures.inboundLast24h}</dd>
              </div>
              <div>
                <dt>{`${q.actioned} (${q.figures})`}</dt>
                <dd>{page.figures.actionedLast24h}</dd>
              </div>
              <div>
                <dt>{q.meanHandling}</dt>
                <dd>
                  {page.figures.averageHandlingSeconds === null
                    ? m.console.figures.none
                    : m.console.figures.hours(
                        (page.figures.averageHandlingSeconds / 3600).toFixed(1),
                      )}
                </dd>
              </div>
            </>
          ) : null}
        </dl>
      ) : null}
      <form method="get" action="/console" class="filters" aria-label={q.filters}>
        <label>
          {q.status}
          <select name="status">
            <Options
              values={UNDECIDED}
              labels={m.console.staffStatuses}
              selected={query.status}
              blank={q.any}
            />
          </select>
        </label>
        <label>
          {q.type}
          <select name="type">
            <Options values={CASE_TYPES} labels={m.caseTypes} selected={query.type} blank={q.any} />
          </select>
        </label>
        <label>
          {q.platform}
          <select name="platform">
            <Options
              values={PLATFORMS}
              labels={m.platforms}
              selected={query.platform}
              blank={q.any}
            />
          </select>
        </label>
        <label>
          {q.assignee}
          <select name="assignee">
            <Options
              values={['me', 'none']}
              labels={{ me: q.me, none: q.nobody }}
              selected={query.assignee}
              blank={q.anyone}
            />
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="repeatOffender"
            value="true"
            checked={query.repeatOffender === 'true'}
          />
          {q.repeatOffender}
        </label>
        <label class="check">
          <input type="checkbox" name="breached" value="true" checked={query.breached === 'true'} />
          {q.breached}
        </label>
        <button type="submit" class="button button-secondary">
          {q.apply}
        </button>
      </form>
      <p class="hint">{q.keyboard}</p>
      {page.items.length === 0 ? <p>{q.empty}</p> : null}
      <ol class="queue" data-queue>
        {page.items.map((item) => (
          <QueueRow ctx={ctx} item={item} now={now} />
        ))}
      </ol>
      {page.nextCursor ? (
        <p>
          <a href={`/console?${nextQuery.toString()}`}>{q.next}</a>
        </p>
      ) : null}
    </Layout>
  );
}
