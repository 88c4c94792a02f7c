import type { FastifyReply } from 'fastify';
import type { AuditEntry } from '../../tags/tag-audit.ts';
import type { QueueEntry, QueueSummary } from '../../tags/wrangling.queue.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField } from './forms.ts';

/** The wrangling pages (docs/wrangling.md): the queues index, one queue with its bulk form, the audit log. */

export const wranglingTagHref = (id: number): string => `/wrangling/tags/${id}`;
export const queueHref = (key: number | string): string => `/wrangling/queue?fandom=${encodeURIComponent(String(key))}`;

export function wranglingNav(): SafeHtml {
  return html`<nav class="wrangling-nav" aria-label="Wrangling"><ul>
<li><a href="/wrangling">Queues</a></li>
<li><a href="/wrangling/audit">Audit log</a></li>
</ul></nav>`;
}

function findTagForm(): SafeHtml {
  return html`<form method="get" action="/wrangling/tags" class="find-tag" role="search">
<label for="find-tag-name">Find a tag to wrangle</label>
<input id="find-tag-name" name="name" type="text" required maxlength="150">
<button type="submit" class="button">Open</button>
</form>`;
}

/** `/wrangling`: the queues, with how many unwrangled tags wait in each. */
export function wranglingIndexPage(opts: { fandoms: QueueSummary[]; special: { fandoms: number; none: number } }): SafeHtml {
  return html`<div class="wrangling-page">
<h1>Tag wrangling</h1>
${wranglingNav()}
${findTagForm()}
<h2>Unwrangled tags</h2>
<table class="wrangling-queues">
<caption class="visually-hidden">Queues of unwrangled tags and how many tags wait in each</caption>
<thead><tr><th scope="col">Queue</th><th scope="col">Unwrangled tags</th></tr></thead>
<tbody>
<tr><td><a href="${queueHref('fandoms')}">Fandom tags</a></td><td>${opts.special.fandoms}</td></tr>
<tr><td><a href="${queueHref('none')}">Works with no canonical fandom</a></td><td>${opts.special.none}</td></tr>
${opts.fandoms.map((f) => html`<tr><td><a href="${queueHref(f.fandom.id)}">${f.fandom.name}</a></td><td>${f.unwrangled}</td></tr>\n`)}</tbody>
</table>
${opts.fandoms.length === 0 ? html`<p>No canonical fandom has unwrangled tags.</p>` : ''}
</div>`;
}

export interface QueueView {
  key: string;
  title: string;
  entries: QueueEntry[];
  /** The fandom of the queue, offered as the default parent fandom. */
  fandomName?: string;
  error?: string;
  done?: number;
  target?: string;
  action?: string;
}

const ACTIONS = [
  ['canonical', 'Make canonical'],
  ['synonym', 'Make synonyms of the tag named below'],
  ['parent', 'Add the parent fandom named below'],
  ['unwrangleable', 'Mark unwrangleable'],
] as const;

/** `/wrangling/queue`: the unwrangled tags of one queue, most used first, with checkboxes and one bulk form. */
export function queuePage(reply: FastifyReply, v: QueueView): SafeHtml {
  const chosen = v.action ?? 'canonical';
  return html`<div class="wrangling-page">
<h1>${v.title}</h1>
${wranglingNav()}
${v.done !== undefined ? html`<p class="notice" role="status">Wrangled ${v.done} ${v.done === 1 ? 'tag' : 'tags'}.</p>` : ''}
${v.error ? html`<div class="error-summary" role="alert"><h2 class="error-summary-title">There is a problem</h2>
<p>${v.error}</p></div>` : ''}
${v.entries.length === 0 ? html`<p>Nothing to wrangle here.</p>` : html`<form method="post" action="/wrangling/queue" class="bulk-wrangle" id="bulk-form">
${csrfField(reply)}
<input type="hidden" name="fandom" value="${v.key}">
<table class="wrangling-queue">
<caption class="visually-hidden">Unwrangled tags, most used first</caption>
<thead><tr><th scope="col">Choose</th><th scope="col">Tag</th><th scope="col">Type</th><th scope="col">Works</th></tr></thead>
<tbody>
${v.entries.map((e) => html`<tr><td><input type="checkbox" name="tags" value="${e.tag.id}" id="tag-${e.tag.id}"></td><td><label for="tag-${e.tag.id}">${e.tag.name}</label> <a href="/wrangling/tags/${e.tag.id}" class="edit-link">edit<span class="visually-hidden"> ${e.tag.name}</span></a></td><td>${e.tag.type}</td><td>${e.uses}</td></tr>\n`)}</tbody>
</table>
<fieldset>
<legend>Wrangle the chosen tags</legend>
${ACTIONS.map(([value, label]) => html`<div class="choice"><input type="radio" name="action" id="bulk-${value}" value="${value}"${value === chosen ? html` checked` : ''}> <label for="bulk-${value}">${label}</label></div>\n`)}
<div class="field"><label for="bulk-target">Canonical tag or parent fandom</label>
<input id="bulk-target" name="target" type="text" maxlength="150" value="${v.target ?? v.fandomName ?? ''}"></div>
</fieldset>
<p class="form-actions"><button type="submit" class="button button-primary">Wrangle</button></p>
</form>`}
</div>`;
}

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details).filter(([k]) => !k.endsWith('Id')).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ');
}

/** `/wrangling/audit`: every change, newest first. */
export function auditPage(entries: AuditEntry[], page: number, more: boolean): SafeHtml {
  return html`<div class="wrangling-page">
<h1>Wrangling audit log</h1>
${wranglingNav()}
${entries.length === 0 ? html`<p>No changes yet.</p>` : html`<table class="wrangling-audit">
<caption class="visually-hidden">Wrangling changes, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Tag</th><th scope="col">Details</th></tr></thead>
<tbody>
${entries.map((e) => html`<tr><td><time datetime="${e.at}">${e.at.slice(0, 16).replace('T', ' ')}</time></td><td>${e.actor}</td><td>${e.action.replace(/_/g, ' ')}</td><td>${e.tagId !== null ? html`<a href="${wranglingTagHref(e.tagId)}">${e.tagName}</a>` : e.tagName}</td><td>${detailsText(e.details)}</td></tr>\n`)}</tbody>
</table>`}
<nav class="pagination" aria-label="Pages">${page > 1 ? html`<a href="/wrangling/audit?page=${page - 1}" rel="prev">Newer</a> ` : ''}${more ? html`<a href="/wrangling/audit?page=${page + 1}" rel="next">Older</a>` : ''}</nav>
</div>`;
}
