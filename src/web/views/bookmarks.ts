import type { FastifyReply } from 'fastify';
import type { BookmarkEntry } from '../../interactions/bookmarks/bookmarks.service.ts';
import type { Page } from '../../works/work.service.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { notice } from './account-fields.ts';
import { creatorLinks, tagHref, workHref } from './format.ts';
import { pagination } from './listing.ts';
import { buttonForm, plural } from './reader-fields.ts';
import { readerNav } from './reader-nav.ts';

export interface BookmarksPageView {
  owner: { username: string };
  own: boolean;
  page: Page<BookmarkEntry>;
  q: string;
  rec: boolean;
  /** The listing's URL with the search, without `page`. */
  base: string;
  notice?: string;
}

function entry(reply: FastifyReply, e: BookmarkEntry, own: boolean, back: string): SafeHtml {
  const { bookmark: b, work } = e;
  const badges = [b.rec ? html`<span class="badge">Rec</span>` : '', b.private ? html`<span class="badge">Private</span>` : ''];
  return html`<li class="bookmark" id="bookmark-${b.id}">
<h2 class="bookmark-work"><a href="${workHref(work.id)}">${work.title}</a> <span class="byline">by ${creatorLinks(work.creators)}</span></h2>
<p class="blurb-fandoms"><span class="visually-hidden">Fandoms: </span>${work.fandoms.map((f, i) => html`${i > 0 ? ', ' : ''}<a class="tag" href="${tagHref(f)}">${f}</a>`)}</p>
<p class="bookmark-meta">Bookmarked <time datetime="${b.updatedAt}">${b.updatedAt.slice(0, 10)}</time> ${badges}</p>
${b.tags.length ? html`<ul class="bookmark-tags commas" aria-label="Bookmarker's tags">${b.tags.map((t) => html`<li>${t}</li>`)}</ul>` : ''}
${b.notes ? html`<div class="userstuff bookmark-notes">${raw(b.notes)}</div>` : ''}
${own ? html`<div class="bookmark-actions"><a class="button" href="${workHref(work.id)}#bookmark">Edit</a> ${buttonForm(reply, `/bookmarks/${b.id}/delete`, 'Delete', { fields: { back }, label: `Delete your bookmark of ${work.title}`, danger: true })}</div>` : ''}
</li>`;
}

/** `/users/:username/bookmarks`: search box, rec filter, the bookmarks, pages. */
export function bookmarksPage(reply: FastifyReply, v: BookmarksPageView): SafeHtml {
  const path = `/users/${encodeURIComponent(v.owner.username)}/bookmarks`;
  const searching = v.q !== '' || v.rec;
  return html`<div class="bookmarks-page">
${v.own ? readerNav('bookmarks', v.owner.username) : ''}
<h1>${v.own ? 'Your bookmarks' : html`Bookmarks by <span class="creator-name">${v.owner.username}</span>`}</h1>
${notice(v.notice)}
<form method="get" action="${path}" class="bookmark-search" role="search" aria-label="Search these bookmarks">
<div class="field"><label for="bookmark-q">Search notes, tags and titles</label><input id="bookmark-q" name="q" type="search" value="${v.q}" maxlength="200"></div>
<div class="field choice"><input type="checkbox" id="bookmark-rec" name="rec" value="1"${v.rec ? html` checked` : ''}> <label for="bookmark-rec">Recs only</label></div>
<p class="form-actions"><button type="submit" class="button">Search</button>${searching ? html` <a href="${path}">Show all</a>` : ''}</p>
</form>
<p class="listing-count">${plural(v.page.total, 'bookmark')}${searching ? ' found' : ''}</p>
${v.page.items.length ? html`<ol class="bookmarks">${v.page.items.map((e) => entry(reply, e, v.own, v.base))}</ol>` : html`<p class="empty">${searching ? 'No bookmarks match.' : 'No bookmarks yet.'}</p>`}
${pagination(v.page, v.base)}
</div>`;
}
