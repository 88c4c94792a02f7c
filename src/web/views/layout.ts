import { html, type Renderable, type SafeHtml } from '../html.ts';

/** What every page needs from the site: its name, and which nav section is current. */
export interface Site {
  name: string;
}

export type Section = 'home' | 'works' | 'fandoms' | 'search' | undefined;

export interface PageOptions {
  /** Parts of the `<title>`, most specific first; the archive name is appended. */
  title: readonly (string | undefined | false)[];
  body: SafeHtml;
  section?: Section;
  /** Language of the page's interface text (the work text carries its own `lang`). */
  lang?: string;
  /** A short plain-text description for `<meta name="description">`. */
  description?: string;
  /** Extra class on `<body>`, e.g. `page-work`. */
  bodyClass?: string;
  /** The header's account links ("Log in / Sign up", or the member's name and "Log out"); see views/account-nav.ts. */
  accountNav?: SafeHtml;
  /** Atom feeds of this page, announced with `<link rel="alternate" type="application/atom+xml">` (see docs/feeds.md). */
  feeds?: readonly { title: string; href: string }[];
}

/** `pageTitle(['Ch 2', 'Fandom'], 'Quire')` → "Ch 2 - Fandom - Quire". Empty parts are dropped. */
export function pageTitle(parts: PageOptions['title'], siteName: string): string {
  return [...parts.filter((p): p is string => typeof p === 'string' && p.trim() !== ''), siteName].join(' - ');
}

function navLink(href: string, label: string, current: boolean): SafeHtml {
  return html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`;
}

/**
 * The one page shell: doctype, `<title>`, skip link, header with the site nav, `<main id="main">`
 * and footer. No inline style or script anywhere (the CSP forbids both).
 *
 * @example reply.type('text/html').send(layout(site, { title: ['Works'], body: html`<h1>Works</h1>` }))
 */
export function layout(site: Site, page: PageOptions): string {
  const description: Renderable = page.description ? html`<meta name="description" content="${page.description}">\n` : '';
  return html`<!doctype html>
<html lang="${page.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle(page.title, site.name)}</title>
${description}<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/static/quire.css">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
${(page.feeds ?? []).map((f) => html`<link rel="alternate" type="application/atom+xml" title="${f.title}" href="${f.href}">\n`)}</head>
<body${page.bodyClass ? html` class="${page.bodyClass}"` : ''}>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="site-header-inner">
<a class="site-name" href="/"${page.section === 'home' ? html` aria-current="page"` : ''}>${site.name}</a>
<nav class="site-nav" aria-label="Site">
<ul>
${navLink('/works', 'Works', page.section === 'works')}
${navLink('/fandoms', 'Fandoms', page.section === 'fandoms')}
${navLink('/search', 'Search', page.section === 'search')}
</ul>
</nav>
${page.accountNav ?? ''}
</div>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
<p>${site.name === 'Quire' ? 'Quire' : html`${site.name} runs on Quire`}, a self-hosted archive for fan works.</p>
</footer>
</body>
</html>
`.value;
}
