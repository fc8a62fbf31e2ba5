import { CsrfField } from '../render/csrf-field';
import { ErrorSummary, Field, FormState } from '../render/form';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export function SignInPage({
  ctx,
  form,
  next,
}: {
  ctx: WebContext;
  form: FormState;
  next: string;
}) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.signIn.title}>
      <h1>{m.signIn.title}</h1>
      <p>{m.signIn.intro}</p>
      <ErrorSummary ctx={ctx} form={form} />
      <form method="post" action="/signin" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <Field ctx={ctx} form={form} name="email" label={m.signIn.email} required>
          {(props) => (
            <input {...props} type="email" autocomplete="username" value={form.values.email} />
          )}
        </Field>
        <Field ctx={ctx} form={form} name="password" label={m.signIn.password} required>
          {(props) => <input {...props} type="password" autocomplete="current-password" />}
        </Field>
        <button type="submit" class="button">
          {m.signIn.submit}
        </button>
      </form>
      <p>
        {m.signIn.noAccount} <a href="/signup">{m.signIn.createOne}</a>
      </p>
    </Layout>
  );
}
