import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export interface ErrorPageProps {
  ctx: WebContext;
  status: number;
  message: string;
  /** What the service said, when it adds something the reader can act on. */
  detail?: string;
}

export function ErrorPage({ ctx, status, message, detail }: ErrorPageProps) {
  const title = ctx.m.errors.title(status);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      {detail ? <p class="detail">{detail}</p> : null}
      <p>
        <a href="/">{ctx.m.errors.home}</a>
      </p>
    </Layout>
  );
}
