import { CSRF_FIELD } from '../session/csrf-token';
import type { WebContext } from '../session/web-context';

/** The hidden token every state-changing form sends back. */
export function CsrfField({ ctx }: { ctx: WebContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={ctx.csrfToken} />;
}
