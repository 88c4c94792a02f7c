import type { TagRelations } from '../../tags/tag-relations.ts';
import type { Tag } from '../../tags/tag.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { tagHref } from './format.ts';

function group(label: string, tags: Tag[]): SafeHtml {
  if (tags.length === 0) return html``;
  return html`<dt>${label}</dt><dd><ul class="tags commas">${tags.map((t) => html`<li><a class="tag" href="${tagHref(t.name)}">${t.name}</a></li>`)}</ul></dd>\n`;
}

/**
 * On a tag's public page: how it is wrangled (its synonyms, parent fandoms, metatags, subtags, and
 * for a fandom the tags in it), and for wranglers a link to its wrangling page.
 */
export function tagRelationsBlock(rel: TagRelations, wrangleHref?: string): SafeHtml {
  const groups = [
    group('Synonyms', rel.synonyms),
    group('Parent fandoms', rel.parentFandoms),
    group('Metatags', rel.metatags),
    group('Subtags', rel.subtags),
    group(rel.tag.type === 'fandom' ? 'Tags in this fandom' : 'Child tags', rel.children),
  ].filter((g) => g.value !== '');
  return html`${groups.length > 0 ? html`<dl class="tag-relations">\n${groups}</dl>` : ''}${wrangleHref ? html`<p class="wrangle-link"><a href="${wrangleHref}">Wrangle this tag</a></p>` : ''}`;
}
