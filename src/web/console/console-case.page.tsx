import { DECIDED_OUTCOMES } from '../../moderation/moderation.dto';
import { RESOLUTION_ACTIONS } from '../../cases/case-status';
import type { OrderRecordView } from '../../evidence/orders/order-record.view';
import type { EvidenceView } from '../../evidence/evidence.view';
import { IDENTIFIER_KINDS } from '../../identifiers/identifier-kind';
import type { ModerationAction } from '../../moderation/open-moves';
import type { ModerationCaseView } from '../../moderation/moderation-case.view';
import type { FilledReplyView } from '../../moderation/templates/reply-template.dto';
import { formatDateTime, formatMoney } from '../i18n/formats';
import { CsrfField } from '../render/csrf-field';
import { ErrorSummary, Field, FormState, Options } from '../render/form';
import { CaseFacts } from '../render/case-facts';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export type ConsoleForm =
  | 'request_info'
  | 'escalate'
  | 'resolve'
  | 'merge'
  | 'reopen'
  | 'note'
  | 'identifier'
  | 'mark_separate';

export interface ConsoleCasePageProps {
  ctx: WebContext;
  view: ModerationCaseView;
  etag: string;
  /** The first rows of each order export, by evidence id. */
  orders: Record<string, OrderRecordView[]>;
  templates: FilledReplyView[];
  /** A template picked to start the request for information from. */
  message?: string;
  refused?: { form: ConsoleForm; state: FormState };
}

const ORDER_ROWS_SHOWN = 50;
export { ORDER_ROWS_SHOWN };

function EvidenceCard({
  ctx,
  item,
  orders,
  etag,
}: {
  ctx: WebContext;
  item: EvidenceView;
  orders?: OrderRecordView[];
  etag: string;
}) {
  const c = ctx.m.console.case;
  return (
    <li class="evidence-card" data-evidence-id={item.id}>
      <h3 class="evidence-name">{item.fileName}</h3>
      <p class="muted">
        {ctx.m.evidenceStatus[item.status]} · {ctx.m.analysisState[item.analysis.state]}
      </p>
      {item.kind === 'chat_screenshot' ? (
        <div class="evidence-columns">
          {item.status === 'processed' ? (
            <a href={`/console/evidence/${item.id}/preview`}>
              <img
                class="preview"
                src={`/console/evidence/${item.id}/thumbnail`}
                alt={item.fileName}
                width={160}
                loading="lazy"
              />
            </a>
          ) : null}
          <div>
            <h4>{c.ocrText}</h4>
            {item.ocrText ? <pre class="ocr-text">{item.ocrText}</pre> : <p>{c.noOcrText}</p>}
          </div>
        </div>
      ) : null}
      {item.extracted.identifiers.length > 0 ? (
        <>
          <h4>{c.extracted}</h4>
          <ul class="identifiers">
            {item.extracted.identifiers.map((found) => (
              <li>
                {ctx.m.identifierKinds[found.kind as keyof typeof ctx.m.identifierKinds] ??
                  found.kind}{' '}
                <strong>{found.display}</strong>
                {found.status === 'rejected' ? (
                  <span class="muted"> ({c.rejected})</span>
                ) : (
                  <form
                    method="post"
                    action={`/console/sightings/${found.id}/reject`}
                    class="inline"
                  >
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="etag" value={etag} />
                    <button type="submit" class="link-button">
                      {c.rejectSighting}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {orders && orders.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption>{c.orders}</caption>
            <thead>
              <tr>
                <th scope="col">{c.orderId}</th>
                <th scope="col">{c.buyer}</th>
                <th scope="col">{c.amount}</th>
                <th scope="col">{c.orderStatus}</th>
                <th scope="col">{c.createdAt}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr>
                  <td class="reference">{order.orderId}</td>
                  <td>{order.buyer}</td>
                  <td>
                    {order.amount && order.currency
                      ? formatMoney(order.amount, order.currency, ctx.locale)
                      : order.amount}
                  </td>
                  <td>{order.status}</td>
                  <td>
                    {order.orderedAt
                      ? formatDateTime(order.orderedAt, ctx.locale, ctx.utcOffset)
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </li>
  );
}

/** A move's form, shown only when the state machine and the claim allow it. */
function Move({
  ctx,
  action,
  title,
  etag,
  reference,
  refused,
  children,
}: {
  ctx: WebContext;
  action: string;
  title: string;
  etag: string;
  reference: string;
  refused?: FormState;
  children?: preact.ComponentChildren;
}) {
  return (
    <details class="move" open={refused !== undefined}>
      <summary>{title}</summary>
      {refused ? <ErrorSummary ctx={ctx} form={refused} /> : null}
      <form method="post" action={`/console/cases/${reference}/${action}`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="etag" value={etag} />
        {children}
        <button type="submit" class="button">
          {title}
        </button>
      </form>
    </details>
  );
}

export function ConsoleCasePage(props: ConsoleCasePageProps) {
  const { ctx, view, etag, orders, templates, message, refused } = props;
  const { m } = ctx;
  const c = m.console.case;
  const kase = view.case;
  const when = (iso: string) => formatDateTime(iso, ctx.locale, ctx.utcOffset);
  const may = (action: ModerationAction) => view.openMoves.includes(action);
  const stateOf = (form: ConsoleForm): FormState =>
    refused?.form === form ? refused.state : { values: {}, errors: [] };
  const refusedOf = (form: ConsoleForm) => (refused?.form === form ? refused.state : undefined);
  const open = !['resolved', 'withdrawn'].includes(kase.status);
  const moveProps = { ctx, etag, reference: kase.reference };
  return (
    <Layout ctx={ctx} title={`${kase.reference} · ${kase.title}`} wide>
      <p class="reference">{kase.reference}</p>
      <h1>{kase.title}</h1>
      <p class="case-status">
        <span class={`badge badge-${kase.status}`}>{m.console.staffStatuses[kase.status]}</span>{' '}
        {kase.outcome ? m.outcomes[kase.outcome] : null} · {m.caseTypes[kase.type]} ·{' '}
        {m.platforms[kase.platform]}
      </p>
      <div class="console-grid">
        <div class="console-main">
          {kase.likelyDuplicate && !kase.likelyDuplicate.markedSeparateAt ? (
            <section class="notice">
              <p>
                {c.likelyDuplicateOf}:{' '}
                <a href={`/console/cases/${kase.likelyDuplicate.of}`}>{kase.likelyDuplicate.of}</a>
              </p>
              {open ? (
                <Move
                  {...moveProps}
                  action="mark-separate"
                  title={c.markSeparate}
                  refused={refusedOf('mark_separate')}
                >
                  <Field
                    ctx={ctx}
                    form={stateOf('mark_separate')}
                    name="reason"
                    label={c.reason}
                    required
                  >
                    {(p) => <input {...p} type="text" />}
                  </Field>
                </Move>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="details-title">
            <h2 id="details-title">{m.casePage.details}</h2>
            <CaseFacts ctx={ctx} kase={kase} />
            <p class="prose">{kase.description}</p>
            <h3>{c.reported}</h3>
            <ul class="identifiers">
              {kase.reported.flatMap((party) =>
                party.identifiers.map((identifier) => (
                  <li>
                    {m.identifierKinds[identifier.kind]} <strong>{identifier.display}</strong>
                  </li>
                )),
              )}
            </ul>
            <Move
              {...moveProps}
              action="identifiers"
              title={c.addIdentifier}
              refused={refusedOf('identifier')}
            >
              <Field
                ctx={ctx}
                form={stateOf('identifier')}
                name="kind"
                label={m.casePage.identifierKind}
                required
              >
                {(p) => (
                  <select {...p}>
                    <Options
                      values={IDENTIFIER_KINDS}
                      labels={m.identifierKinds}
                      selected={stateOf('identifier').values.kind}
                    />
                  </select>
                )}
              </Field>
              <Field
                ctx={ctx}
                form={stateOf('identifier')}
                name="value"
                label={m.casePage.identifierValue}
                required
              >
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    autocomplete="off"
                    value={stateOf('identifier').values.value}
                  />
                )}
              </Field>
              <Field ctx={ctx} form={stateOf('identifier')} name="reason" label={c.reason} required>
                {(p) => <input {...p} type="text" value={stateOf('identifier').values.reason} />}
              </Field>
            </Move>
          </section>

          <section aria-labelledby="evidence-title">
            <h2 id="evidence-title">{c.evidence}</h2>
            {view.evidence.length === 0 ? <p>{m.casePage.noEvidence}</p> : null}
            <ul class="evidence-gallery">
              {view.evidence.map((item) => (
                <EvidenceCard ctx={ctx} item={item} orders={orders[item.id]} etag={etag} />
              ))}
            </ul>
          </section>

          <section aria-labelledby="messages-title">
            <h2 id="messages-title">{c.messages}</h2>
            <ol class="messages">
              {[...view.messages.items].reverse().map((item) => (
                <li
                  class={`message ${item.author.role === 'seller' ? 'message-mine' : 'message-staff'}`}
                >
                  <p class="message-meta">
                    {item.author.displayName} · {when(item.createdAt)}
                  </p>
                  <p class="prose">{item.body}</p>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{c.timeline}</h2>
            <ol class="timeline">
              {[...view.timeline.items].reverse().map((event) => (
                <li>
                  <span class="muted">{when(event.occurredAt)}</span> {m.events[event.kind]}
                  {event.visibility === 'internal' ? <span class="muted"> ·</span> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside class="console-side">
          <section aria-labelledby="moves-title">
            <h2 id="moves-title">{c.moves}</h2>
            {kase.assignment ? (
              <p data-claim-expires={kase.assignment.claimExpiresAt ?? ''}>
                {c.claimedUntil(
                  kase.assignment.assignee.displayName,
                  kase.assignment.claimExpiresAt ? when(kase.assignment.claimExpiresAt) : '',
                )}
              </p>
            ) : null}
            {may('claim') || may('release') ? (
              <div class="move-buttons">
                {may('claim') ? (
                  <form
                    method="post"
                    action={`/console/cases/${kase.reference}/claim`}
                    class="inline"
                  >
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="etag" value={etag} />
                    <button type="submit" class="button" data-claim>
                      {c.claim}
                    </button>
                  </form>
                ) : null}
                {may('release') ? (
                  <form
                    method="post"
                    action={`/console/cases/${kase.reference}/release`}
                    class="inline"
                  >
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="etag" value={etag} />
                    <button type="submit" class="button button-secondary">
                      {c.release}
                    </button>
                  </form>
                ) : null}
              </div>
            ) : null}
            {may('request_info') ? (
              <Move
                {...moveProps}
                action="request-info"
                title={c.requestInfo}
                refused={refusedOf('request_info')}
              >
                {templates.length > 0 ? (
                  <ul class="templates" aria-label={c.templates}>
                    {templates.map((template) => (
                      <li>
                        <a
                          href={`/console/cases/${kase.reference}?template=${template.id}#moves-title`}
                        >
                          {c.useTemplate(template.name)}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <Field
                  ctx={ctx}
                  form={stateOf('request_info')}
                  name="message"
                  label={c.message}
                  required
                >
                  {(p) => (
                    <textarea {...p} rows={5}>
                      {stateOf('request_info').values.message ?? message}
                    </textarea>
                  )}
                </Field>
              </Move>
            ) : null}
            {may('escalate') ? (
              <Move
                {...moveProps}
                action="escalate"
                title={c.escalate}
                refused={refusedOf('escalate')}
              >
                <Field ctx={ctx} form={stateOf('escalate')} name="reason" label={c.reason} required>
                  {(p) => <input {...p} type="text" />}
                </Field>
              </Move>
            ) : null}
            {may('resolve') ? (
              <Move
                {...moveProps}
                action="resolve"
                title={c.resolve}
                refused={refusedOf('resolve')}
              >
                <Field
                  ctx={ctx}
                  form={stateOf('resolve')}
                  name="outcome"
                  label={c.outcome}
                  required
                >
                  {(p) => (
                    <select {...p}>
                      <Options
                        values={DECIDED_OUTCOMES}
                        labels={m.outcomes}
                        selected={stateOf('resolve').values.outcome}
                      />
                    </select>
                  )}
                </Field>
                <Field
                  ctx={ctx}
                  form={stateOf('resolve')}
                  name="summary"
                  label={c.summary}
                  required
                >
                  {(p) => (
                    <textarea {...p} rows={4}>
                      {stateOf('resolve').values.summary}
                    </textarea>
                  )}
                </Field>
                <fieldset>
                  <legend>{c.actions}</legend>
                  {RESOLUTION_ACTIONS.map((action) => (
                    <label class="check">
                      <input type="checkbox" name="actions" value={action} />
                      {m.actions[action]}
                    </label>
                  ))}
                </fieldset>
              </Move>
            ) : null}
            {may('merge') ? (
              <Move {...moveProps} action="merge" title={c.merge} refused={refusedOf('merge')}>
                <Field ctx={ctx} form={stateOf('merge')} name="target" label={c.target} required>
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      value={stateOf('merge').values.target ?? kase.likelyDuplicate?.of}
                    />
                  )}
                </Field>
                {kase.likelyDuplicate ? (
                  <p class="hint">
                    {c.suggested}: {kase.likelyDuplicate.of}
                  </p>
                ) : null}
              </Move>
            ) : null}
            {may('reopen') ? (
              <Move {...moveProps} action="reopen" title={c.reopen} refused={refusedOf('reopen')}>
                <Field ctx={ctx} form={stateOf('reopen')} name="reason" label={c.reason} required>
                  {(p) => <input {...p} type="text" />}
                </Field>
              </Move>
            ) : null}
          </section>

          <section aria-labelledby="seller-title">
            <h2 id="seller-title">{c.seller}</h2>
            {kase.seller ? (
              <p>
                {kase.seller.displayName}
                {kase.seller.shop ? (
                  <>
                    <br />
                    {c.shop}: {kase.seller.shop.shopName} ({m.platforms[kase.seller.shop.platform]}{' '}
                    {kase.seller.shop.shopId}) ·{' '}
                    {kase.seller.shop.verified ? c.verified : c.unverified}
                  </>
                ) : null}
              </p>
            ) : null}
            <p>
              {c.reporter}:{' '}
              {c.reporterLine(
                view.reporter.filed,
                view.reporter.upheld,
                view.reporter.rejected,
                view.reporter.withdrawn,
              )}
            </p>
          </section>

          {kase.serviceLevel ? (
            <section aria-labelledby="sla-title">
              <h2 id="sla-title">{c.serviceLevel}</h2>
              <dl class="facts">
                {kase.serviceLevel.firstResponseDueAt ? (
                  <>
                    <dt>{c.firstResponseDue}</dt>
                    <dd>{when(kase.serviceLevel.firstResponseDueAt)}</dd>
                  </>
                ) : null}
                {kase.serviceLevel.resolutionDueAt ? (
                  <>
                    <dt>{c.resolutionDue}</dt>
                    <dd>{when(kase.serviceLevel.resolutionDueAt)}</dd>
                  </>
                ) : null}
              </dl>
              {kase.serviceLevel.breached ? <p class="error">{m.console.badges.breached}</p> : null}
            </section>
          ) : null}

          <section aria-labelledby="offenders-title">
            <h2 id="offenders-title">{c.offenders}</h2>
            <ul class="plain">
              {view.offenders.map((offender) => (
                <li>
                  <a href={`/console/offenders/${offender.id}`}>
                    {m.console.offenders.offender} {offender.id.slice(0, 8)}
                  </a>{' '}
                  · {c.risk} {Math.round(offender.riskScore)}
                  {offender.repeatOffender ? ` · ${m.console.badges.repeatOffender}` : ''} ·{' '}
                  {c.sellersHit(offender.sellerCount, offender.verifiedSellerCount)} ·{' '}
                  {c.cases(offender.caseCount)}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="related-title">
            <h2 id="related-title">{c.related}</h2>
            {view.related.length === 0 ? <p>{c.noRelated}</p> : null}
            <ul class="plain">
              {view.related.map((related) => (
                <li>
                  <a href={`/console/cases/${related.reference}`}>{related.reference}</a> ·{' '}
                  {m.console.staffStatuses[
                    related.status as keyof typeof m.console.staffStatuses
                  ] ?? related.status}{' '}
                  ·{' '}
                  {[...new Set(related.reasons.map((reason) => c.reasons[reason.reason]))].join(
                    ', ',
                  )}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{c.notes}</h2>
            <ol class="plain">
              {view.notes.map((note) => (
                <li>
                  <span class="muted">{when(note.occurredAt)}</span>{' '}
                  <span class="prose">{String(note.data.body ?? '')}</span>
                </li>
              ))}
            </ol>
            <Move {...moveProps} action="notes" title={c.addNote} refused={refusedOf('note')}>
              <Field ctx={ctx} form={stateOf('note')} name="body" label={c.note} required>
                {(p) => <textarea {...p} rows={3} />}
              </Field>
            </Move>
          </section>
        </aside>
      </div>
    </Layout>
  );
}
