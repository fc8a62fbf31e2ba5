import { IDENTIFIER_KINDS } from '../../identifiers/identifier-kind';
import type { IdentifierLookupView } from '../../intel/offenders/offender.view';
import { ErrorSummary, Field, FormState, Options } from '../render/form';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export interface LookupPageProps {
  ctx: WebContext;
  form: FormState;
  /** Undefined before a look-up; null when Bulwark has not seen the handle. */
  found?: IdentifierLookupView | null;
}

export function LookupPage({ ctx, form, found }: LookupPageProps) {
  const { m } = ctx;
  const l = m.console.lookup;
  return (
    <Layout ctx={ctx} title={l.title}>
      <h1>{l.title}</h1>
      <ErrorSummary ctx={ctx} form={form} />
      <form method="get" action="/console/lookup" class="stack">
        <Field ctx={ctx} form={form} name="kind" label={l.kind} required>
          {(p) => (
            <select {...p}>
              <Options
                values={IDENTIFIER_KINDS}
                labels={m.identifierKinds}
                selected={form.values.kind}
              />
            </select>
          )}
        </Field>
        <Field ctx={ctx} form={form} name="value" label={l.value} required>
          {(p) => <input {...p} type="text" autocomplete="off" value={form.values.value} />}
        </Field>
        <button type="submit" class="button">
          {l.submit}
        </button>
      </form>
      {found === null ? <p role="status">{l.none}</p> : null}
      {found ? (
        <section role="status">
          <p>
            {m.identifierKinds[found.identifier.kind]} <strong>{found.identifier.value}</strong>
          </p>
          {found.excluded ? <p>{l.excluded}</p> : null}
          {found.offender ? (
            <p>
              <a href={`/console/offenders/${found.offender.id}`}>
                {m.console.offenders.offender} {found.offender.id.slice(0, 8)}
              </a>{' '}
              · {l.seen(found.offender.caseCount)}
            </p>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
