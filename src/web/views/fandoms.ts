import { html, type SafeHtml } from '../html.ts';
import { formatNumber, tagHref } from './format.ts';

export interface FandomCount {
  name: string;
  count: number;
}

/** The index letter of a name: its first letter upper-cased, or `#` for digits and symbols. */
export function indexLetter(name: string): string {
  const first = [...name.trim()][0] ?? '#';
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase('en') : '#';
}

/** Groups names alphabetically by index letter (`#` first), each group sorted. */
export function groupByLetter(fandoms: readonly FandomCount[]): [string, FandomCount[]][] {
  const groups = new Map<string, FandomCount[]>();
  for (const f of fandoms) {
    const letter = indexLetter(f.name);
    const list = groups.get(letter) ?? [];
    list.push(f);
    groups.set(letter, list);
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  for (const list of groups.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return [...groups].sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : collator.compare(a, b)));
}

/** The fandom list: a letter index, then each letter's fandoms with their work counts. */
export function fandomsPage(fandoms: readonly FandomCount[]): SafeHtml {
  const groups = groupByLetter(fandoms);
  const anchor = (letter: string) => (letter === '#' ? 'letter-other' : `letter-${encodeURIComponent(letter)}`);
  const index = groups.map(([letter]) => html`<li><a href="#${anchor(letter)}">${letter}</a></li>`);
  const sections = groups.map(([letter, list]) => html`<section class="letter-group" id="${anchor(letter)}">
<h2>${letter}</h2>
<ul class="tag-counts">${list.map((f) => html`<li><a class="tag" href="${tagHref(f.name)}">${f.name}</a> <span class="count">(${formatNumber(f.count)})</span></li>`)}</ul>
</section>`);
  return html`<div class="fandoms">
<h1>Fandoms</h1>
${groups.length === 0 ? html`<p class="empty">No fandoms yet.</p>` : html`<nav class="letter-index" aria-label="Fandoms by letter"><ul>${index}</ul></nav>
${sections}`}
</div>`;
}
