import type { FastifyReply } from 'fastify';
import type { AuditEntry } from '../../tags/tag-audit.ts';
import type { TagRelations } from '../../tags/tag-relations.ts';
import { tagState } from '../../tags/tag-relations.ts';
import type { Tag } from '../../tags/tag.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { tagHref } from './format.ts';
import { csrfField } from './forms.ts';
import { wranglingNav, wranglingTagHref } from './wrangling.ts';

/** `/wrangling/tags/:id`: everything a wrangler can change about one tag, each change its own small form. */

function actionForm(reply: FastifyReply, tag: Tag, action: string, button: string, field?: { name: string; label: string; value?: string; hidden?: boolean }): SafeHtml {
  const id = `${action}-${field?.value ?? 'x'}`.replace(/[^a-z0-9-]/gi, '-');
  return html`<form method="post" action="${wranglingTagHref(tag.id)}" class="wrangle-action">
${csrfField(reply)}<input type="hidden" name="action" value="${action}">
${field ? (field.hidden ? html`<input type="hidden" name="${field.name}" value="${field.value ?? ''}">` : html`<label for="${id}">${field.label}</label> <input id="${id}" name="${field.name}" type="text" required maxlength="150" value="${field.value ?? ''}">`) : ''}
<button type="submit" class="button">${button}</button>
</form>`;
}

function linkedList(reply: FastifyReply, tag: Tag, items: Tag[], remove: string | null, field: string, noun: string): SafeHtml {
  if (items.length === 0) return html`<p>None.</p>`;
  return html`<ul class="tag-links">${items.map((t) => html`<li><a href="${wranglingTagHref(t.id)}">${t.name}</a>${remove ? actionForm(reply, tag, remove, `Remove ${noun} ${t.name}`, { name: field, label: '', value: String(t.id), hidden: true }) : ''}</li>\n`)}</ul>`;
}

export function tagEditPage(reply: FastifyReply, rel: TagRelations, opts: { audit: AuditEntry[]; error?: string; notice?: string }): SafeHtml {
  const { tag } = rel;
  const free = ['fandom', 'character', 'relationship', 'additional'].includes(tag.type);
  const parents = tag.type !== 'fandom';
  return html`<div class="wrangling-page">
<h1>Wrangle <span class="tag-name">${tag.name}</span></h1>
${wranglingNav()}
${opts.notice ? html`<p class="notice" role="status">${opts.notice}</p>` : ''}
${opts.error ? html`<div class="error-summary" role="alert"><h2 class="error-summary-title">There is a problem</h2>
<p>${opts.error}</p></div>` : ''}
<dl class="tag-facts">
<dt>Type</dt><dd>${tag.type}</dd>
<dt>State</dt><dd>${tagState(tag)}${rel.canonical ? html` of <a href="${wranglingTagHref(rel.canonical.id)}">${rel.canonical.name}</a>` : ''}</dd>
<dt>Public page</dt><dd><a href="${tagHref(tag.name)}">${tag.name}</a></dd>
</dl>
${!free ? html`<p>Ratings, warnings and categories are fixed.</p>` : html`
<h2>State</h2>
${!tag.canonical || tag.synonymOf !== null ? actionForm(reply, tag, 'canonical', 'Make canonical') : ''}
${actionForm(reply, tag, 'synonym', 'Merge as synonym', { name: 'target', label: 'Synonym of (canonical tag)' })}
${!tag.unwrangleable ? actionForm(reply, tag, 'unwrangleable', 'Mark unwrangleable') : ''}
${actionForm(reply, tag, 'rename', 'Rename', { name: 'name', label: 'New name', value: tag.name })}
<h2>Synonyms</h2>
${linkedList(reply, tag, rel.synonyms, null, '', '')}
<h2>Metatags</h2>
${linkedList(reply, tag, rel.metatags, 'remove_metatag', 'target_id', 'metatag')}
${tag.synonymOf === null ? actionForm(reply, tag, 'add_metatag', 'Add metatag', { name: 'target', label: 'Metatag' }) : ''}
<h2>Subtags</h2>
${linkedList(reply, tag, rel.subtags, 'remove_subtag', 'target_id', 'subtag')}
${tag.synonymOf === null ? actionForm(reply, tag, 'add_subtag', 'Add subtag', { name: 'target', label: 'Subtag' }) : ''}
${parents ? html`<h2>Parent fandoms</h2>
${linkedList(reply, tag, rel.parentFandoms, 'remove_parent', 'target_id', 'parent fandom')}
${actionForm(reply, tag, 'add_parent', 'Add parent fandom', { name: 'target', label: 'Parent fandom' })}` : html`<h2>Tags in this fandom</h2>
${linkedList(reply, tag, rel.children, null, '', '')}`}`}
<h2>Recent changes</h2>
${opts.audit.length === 0 ? html`<p>None.</p>` : html`<ul class="tag-audit">${opts.audit.map((e) => html`<li><time datetime="${e.at}">${e.at.slice(0, 16).replace('T', ' ')}</time> ${e.actor}: ${e.action.replace(/_/g, ' ')}</li>\n`)}</ul>`}
</div>`;
}
