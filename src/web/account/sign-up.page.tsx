import { PLATFORMS } from '../../common/platform';
import { CsrfField } from '../render/csrf-field';
import { ErrorSummary, Field, FormState, Options } from '../render/form';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export function SignUpPage({ ctx, form }: { ctx: WebContext; form: FormState }) {
  const { m } = ctx;
  const v = form.values;
  return (
    <Layout ctx={ctx} title={m.signUp.title}>
      <h1>{m.signUp.title}</h1>
      <p>{m.signUp.intro}</p>
      <ErrorSummary ctx={ctx} form={form} />
      <form method="post" action="/signup" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} form={form} name="email" label={m.signUp.email} required>
          {(props) => <input {...props} type="email" autocomplete="email" value={v.email} />}
        </Field>
        <Field
          ctx={ctx}
          form={form}
          name="password"
          label={m.signUp.password}
          hint={m.signUp.passwordHint}
          required
        >
          {(props) => (
            <input {...props} type="password" autocomplete="new-password" minLength={10} />
          )}
        </Field>
        <Field ctx={ctx} form={form} name="displayName" label={m.signUp.displayName} required>
          {(props) => <input {...props} type="text" autocomplete="name" value={v.displayName} />}
        </Field>
        <fieldset>
          <legend>{m.signUp.shop}</legend>
          <Field ctx={ctx} form={form} name="platform" label={m.signUp.platform} required>
            {(props) => (
              <select {...props}>
                <Options values={PLATFORMS} labels={m.platforms} selected={v.platform} blank="" />
              </select>
            )}
          </Field>
          <Field
            ctx={ctx}
            form={form}
            name="shopId"
            label={m.signUp.shopId}
            hint={m.signUp.shopIdHint}
            required
          >
            {(props) => <input {...props} type="text" value={v.shopId} />}
          </Field>
          <Field ctx={ctx} form={form} name="shopName" label={m.signUp.shopName} required>
            {(props) => (
              <input {...props} type="text" autocomplete="organization" value={v.shopName} />
            )}
          </Field>
        </fieldset>
        <button type="submit" class="button">
          {m.signUp.submit}
        </button>
      </form>
      <p>
        {m.signUp.haveAccount} <a href="/signin">{m.layout.signIn}</a>
      </p>
    </Layout>
  );
}
