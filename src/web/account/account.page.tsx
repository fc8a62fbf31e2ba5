import { CsrfField } from '../render/csrf-field';
import { ErrorSummary, Field, FormState } from '../render/form';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export interface AccountPageProps {
  ctx: WebContext;
  form: FormState;
  /** The password was just changed. */
  changed: boolean;
}

export function AccountPage({ ctx, form, changed }: AccountPageProps) {
  const { m } = ctx;
  const user = ctx.user!.user;
  return (
    <Layout ctx={ctx} title={m.account.title}>
      <h1>{m.account.title}</h1>
      <dl class="facts">
        <dt>{m.account.email}</dt>
        <dd>{user.email}</dd>
        {user.shop ? (
          <>
            <dt>{m.account.shop}</dt>
            <dd>
              {user.shop.name} · {m.platforms[user.shop.platform]} {user.shop.platformShopId} ·{' '}
              {user.shopVerifiedAt ? m.account.verified : m.account.unverified}
            </dd>
          </>
        ) : null}
      </dl>
      <h2 id="password">{m.password.title}</h2>
      {changed ? (
        <p class="notice" role="status">
          {m.password.changed}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} form={form} />
      <form method="post" action="/account/password" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} form={form} name="currentPassword" label={m.password.current} required>
          {(props) => <input {...props} type="password" autocomplete="current-password" />}
        </Field>
        <Field
          ctx={ctx}
          form={form}
          name="newPassword"
          label={m.password.next}
          hint={m.signUp.passwordHint}
          required
        >
          {(props) => <input {...props} type="password" autocomplete="new-password" />}
        </Field>
        <button type="submit" class="button">
          {m.password.submit}
        </button>
      </form>
    </Layout>
  );
}
