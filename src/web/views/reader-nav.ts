import { html, type SafeHtml } from '../html.ts';

export type ReaderPage = 'inbox' | 'subscriptions' | 'bookmarks' | 'later' | 'history' | 'blocked' | 'muted';

/** The links between a member's reading pages, the current one marked. */
export function readerNav(current: ReaderPage, username: string): SafeHtml {
  const links: [ReaderPage, string, string][] = [
    ['inbox', '/inbox', 'Inbox'],
    ['subscriptions', '/subscriptions', 'Subscriptions'],
    ['bookmarks', `/users/${encodeURIComponent(username)}/bookmarks`, 'Bookmarks'],
    ['later', '/later', 'Marked for Later'],
    ['history', '/history', 'History'],
    ['blocked', '/account/blocked', 'Blocked'],
    ['muted', '/account/muted', 'Muted'],
  ];
  return html`<nav class="reader-nav" aria-label="Your reading"><ul>${links.map(([key, href, label]) => html`<li><a href="${href}"${key === current ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>`;
}
