import type { ComponentChildren } from 'preact';
import { LANGUAGE_TAG, LOCALES } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import type { WebContext } from '../session/web-context';
import { CsrfField } from './csrf-field';
import { pageStylesheet } from './page-stylesheet';

export interface LayoutProps {
  ctx: WebContext;
  title: string;
  /** Wider pages for the moderator console; the seller portal reads as one column. */
  wide?: boolean;
  children: ComponentChildren;
}

function LanguageSwitch({ ctx }: { ctx: WebContext }) {
  return (
    <nav class="languages" aria-label={ctx.m.layout.language}>
      {LOCALES.filter((locale) => locale !== ctx.locale).map((locale) => (
        <a
          href={`/language/${locale}?back=${encodeURIComponent(ctx.path)}`}
          hreflang={LANGUAGE_TAG[locale]}
          lang={LANGUAGE_TAG[locale]}
        >
          {messagesFor(locale).languageName}
        </a>
      ))}
    </nav>
  );
}

function SellerNavigation({ ctx }: { ctx: WebContext }) {
  const { m } = ctx;
  return (
    <nav class="site-nav" aria-label={m.layout.mainNavigation}>
      <a href="/cases">{m.layout.myCases}</a>
      <a href="/cases/new">{m.layout.newCase}</a>
      <a href="/account">{m.layout.account}</a>
    </nav>
  );
}

function ConsoleNavigation({ ctx }: { ctx: WebContext }) {
  const { m } = ctx;
  return (
    <nav class="site-nav" aria-label={m.layout.mainNavigation}>
      <a href="/console">{m.console.nav.queue}</a>
      <a href="/console/offenders">{m.console.nav.offenders}</a>
      <a href="/console/campaigns">{m.console.nav.campaigns}</a>
      <a href="/console/lookup">{m.console.nav.lookup}</a>
      <a href="/console/figures">{m.console.nav.figures}</a>
      <a href="/account">{m.layout.account}</a>
    </nav>
  );
}

/** The frame of every page: language, navigation for the signed-in, and sign out. */
export function Layout({ ctx, title, wide, children }: LayoutProps) {
  const { m, user } = ctx;
  return (
    <html lang={LANGUAGE_TAG[ctx.locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${m.layout.product}`}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: pageStylesheet().text }} />
        <script src={ctx.assets.js} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.layout.skipToContent}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {m.layout.product}
          </a>
          <LanguageSwitch ctx={ctx} />
          {user ? (
            <form class="sign-out" method="post" action="/signout">
              <CsrfField ctx={ctx} />
              <button type="submit" class="link-button">
                {m.layout.signOut}
              </button>
            </form>
          ) : (
            <a href="/signin">{m.layout.signIn}</a>
          )}
        </header>
        {user?.role === 'seller' ? <SellerNavigation ctx={ctx} /> : null}
        {user && user.role !== 'seller' ? <ConsoleNavigation ctx={ctx} /> : null}
        <main id="main" class={wide ? 'page page-wide' : 'page'} tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
