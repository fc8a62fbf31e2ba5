import type { CaseEventView, CaseView, MessageView } from '../../cases/case.view';
import type { EvidenceView } from '../../evidence/evidence.view';
import { IDENTIFIER_KINDS } from '../../identifiers/identifier-kind';
import { formatDateTime } from '../i18n/formats';
import { CsrfField } from '../render/csrf-field';
import { ErrorSummary, Field, FormState, Options } from '../render/form';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';
import { EvidenceItem } from './evidence-item';
import { CaseFacts } from '../render/case-facts';

export interface SellerCasePageProps {
  ctx: WebContext;
  kase: CaseView;
  evidence: EvidenceView[];
  messages: MessageView[];
  events: CaseEventView[];
  /** Just filed: the page opens as the filing's confirmation. */
  filed: boolean;
  /** A form on this page that was refused, by its name. */
  refused?: { form: 'reply' | 'identifier' | 'amend' | 'evidence' | 'appeal'; state: FormState };
  /** Decided, within the appeal window, not appealed yet. */
  mayAppeal: boolean;
}

const UNDECIDED = ['open', 'in_review', 'awaiting_seller', 'escalated'];

export function SellerCasePage(props: SellerCasePageProps) {
  const { ctx, kase, evidence, messages, events, filed, refused, mayAppeal } = props;
  const { m } = ctx;
  const when = (iso: string) => formatDateTime(iso, ctx.locale, ctx.utcOffset);
  const stateOf = (form: string): FormState =>
    refused?.form === form ? refused.state : { values: {}, errors: [] };
  const open = UNDECIDED.includes(kase.status);
  const lastStaffMessage = [...messages]
    .reverse()
    .find((message) => message.author.role !== 'seller');
  const base = `/cases/${kase.reference}`;
  return (
    <Layout ctx={ctx} title={kase.title}>
      {filed ? (
        <section class="confirmation" role="status" aria-labelledby="filed-title">
          <h2 id="filed-title">{m.filed.title}</h2>
          <p>
            {m.filed.reference}: <strong class="reference">{kase.reference}</strong>
          </p>
          <p>{m.filed.next}</p>
        </section>
      ) : null}
      <h1>{kase.title}</h1>
      <p class="case-status">
        <span class={`badge badge-${kase.status}`}>{m.statuses[kase.status]}</span>{' '}
        {m.expected[kase.status]}
      </p>
      <CaseFacts ctx={ctx} kase={kase} />

      {kase.resolution ? (
        <section class="outcome" aria-labelledby="outcome-title">
          <h2 id="outcome-title">{m.casePage.outcome}</h2>
          {kase.outcome ? <p class="outcome-word">{m.outcomes[kase.outcome]}</p> : null}
          <h3>{m.casePage.summary}</h3>
          <p class="prose">{kase.resolution.summary}</p>
          {kase.resolution.actions.length > 0 ? (
            <>
              <h3>{m.casePage.recommended}</h3>
              <ul>
                {kase.resolution.actions.map((action) => (
                  <li>{m.actions[action]}</li>
                ))}
              </ul>
            </>
          ) : null}
          {mayAppeal && kase.appealableUntil ? (
            <details class="correction" open={refused?.form === 'appeal'}>
              <summary>{m.casePage.appeal}</summary>
              <p class="hint">{m.casePage.appealHint(when(kase.appealableUntil))}</p>
              <ErrorSummary ctx={ctx} form={stateOf('appeal')} />
              <form method="post" action={`${base}/appeal`} class="stack" novalidate>
                <CsrfField ctx={ctx} />
                <Field
                  ctx={ctx}
                  form={stateOf('appeal')}
                  name="reason"
                  label={m.casePage.appealReason}
                  required
                >
                  {(p) => (
                    <textarea {...p} rows={4}>
                      {stateOf('appeal').values.reason}
                    </textarea>
                  )}
                </Field>
                <button type="submit" class="button button-secondary">
                  {m.casePage.appeal}
                </button>
              </form>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="description-title">
        <h2 id="description-title">{m.casePage.details}</h2>
        <p class="prose">{kase.description}</p>
        {kase.reported.length > 0 ? (
          <>
            <h3>{m.casePage.reported}</h3>
            <ul class="identifiers">
              {kase.reported.flatMap((party) =>
                party.identifiers.map((identifier) => (
                  <li>
                    {m.identifierKinds[identifier.kind]} <strong>{identifier.display}</strong>
                  </li>
                )),
              )}
            </ul>
          </>
        ) : null}
        {open ? (
          <details class="correction" open={refused?.form === 'amend'}>
            <summary>{m.casePage.amend}</summary>
            <ErrorSummary ctx={ctx} form={stateOf('amend')} />
            <form method="post" action={`${base}/description`} class="stack" novalidate>
              <CsrfField ctx={ctx} />
              <Field
                ctx={ctx}
                form={stateOf('amend')}
                name="description"
                label={m.newCase.description}
                required
              >
                {(p) => (
                  <textarea {...p} rows={6}>
                    {stateOf('amend').values.description ?? kase.description}
                  </textarea>
                )}
              </Field>
              <button type="submit" class="button button-secondary">
                {m.casePage.amendSubmit}
              </button>
            </form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="evidence-title" data-live-case={kase.id}>
        <h2 id="evidence-title">{m.casePage.evidence}</h2>
        {evidence.length === 0 ? <p>{m.casePage.noEvidence}</p> : null}
        <ul class="evidence-list">
          {evidence.map((item) => (
            <EvidenceItem ctx={ctx} item={item} />
          ))}
        </ul>
        {open ? (
          <form
            method="post"
            action={`${base}/evidence`}
            enctype="multipart/form-data"
            class="stack"
            novalidate
          >
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} form={stateOf('evidence')} />
            <Field
              ctx={ctx}
              form={stateOf('evidence')}
              name="files"
              label={m.casePage.addEvidence}
              required
            >
              {(p) => <input {...p} type="file" multiple data-file-input />}
            </Field>
            <button type="submit" class="button button-secondary">
              {m.casePage.addFiles}
            </button>
          </form>
        ) : null}
        {open ? (
          <details class="correction" open={refused?.form === 'identifier'}>
            <summary>{m.casePage.addIdentifier}</summary>
            <p class="hint">{m.casePage.addIdentifierHint}</p>
            <ErrorSummary ctx={ctx} form={stateOf('identifier')} />
            <form method="post" action={`${base}/identifiers`} class="stack" novalidate>
              <CsrfField ctx={ctx} />
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
                      values={IDENTIFIER_KINDS.filter((kind) => kind !== 'order_id')}
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
              <Field
                ctx={ctx}
                form={stateOf('identifier')}
                name="reason"
                label={m.casePage.reason}
                required
              >
                {(p) => <input {...p} type="text" value={stateOf('identifier').values.reason} />}
              </Field>
              <button type="submit" class="button button-secondary">
                {m.casePage.add}
              </button>
            </form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">{m.casePage.conversation}</h2>
        {messages.length === 0 ? <p>{m.casePage.noMessages}</p> : null}
        <ol class="messages">
          {messages.map((message) => {
            const asking = kase.status === 'awaiting_seller' && message === lastStaffMessage;
            return (
              <li
                class={`message ${message.author.role === 'seller' ? 'message-mine' : 'message-staff'}${asking ? ' message-asking' : ''}`}
              >
                {asking ? <p class="asking-label">{m.casePage.requestForInfo}</p> : null}
                <p class="message-meta">
                  {message.author.role === 'seller' ? m.casePage.you : m.casePage.moderator} ·{' '}
                  {when(message.createdAt)}
                </p>
                <p class="prose">{message.body}</p>
              </li>
            );
          })}
        </ol>
        {kase.status !== 'withdrawn' ? (
          <form method="post" action={`${base}/messages`} class="stack" id="reply" novalidate>
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} form={stateOf('reply')} />
            <Field ctx={ctx} form={stateOf('reply')} name="body" label={m.casePage.reply} required>
              {(p) => (
                <textarea {...p} rows={4}>
                  {stateOf('reply').values.body}
                </textarea>
              )}
            </Field>
            <button type="submit" class="button">
              {m.casePage.send}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{m.casePage.timeline}</h2>
        <ol class="timeline">
          {events.map((event) => (
            <li>
              <span class="muted">{when(event.occurredAt)}</span> {m.events[event.kind]}
            </li>
          ))}
        </ol>
      </section>

      {open ? (
        <section aria-labelledby="withdraw-title" class="danger-zone">
          <h2 id="withdraw-title">{m.casePage.withdraw}</h2>
          <p class="hint">{m.casePage.withdrawHint}</p>
          <form method="post" action={`${base}/withdraw`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="button button-danger">
              {m.casePage.withdraw}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
