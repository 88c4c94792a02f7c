import { htmlToText } from '../../formats/sanitize.ts';
import type { Rating } from '../../tags/tag.types.ts';
import { languageName } from '../../works/language.ts';
import type { Work, WorkWithChapters } from '../../works/work.types.ts';

/**
 * How `quire works` prints works: one aligned line per work, a readable summary, and the JSON
 * shapes scripts rely on (documented in docs/cli.md; keep them stable).
 */

const SHORT_RATING: Record<Rating, string> = {
  'General Audiences': 'General',
  'Teen And Up Audiences': 'Teen',
  Mature: 'Mature',
  Explicit: 'Explicit',
  'Not Rated': 'Not Rated',
};

const number = new Intl.NumberFormat('en');

/** `3/5` or `3/?`, as AO3 shows chapters. */
export function chapterLabel(work: Work): string {
  return `${work.chapterCount}/${work.expectedChapters ?? '?'}`;
}

/** `complete` or `in progress`, plus `draft`, `hidden`, `restricted` when they apply. */
export function statusLabel(work: Work): string {
  const parts = [work.complete ? 'complete' : 'in progress'];
  if (work.status === 'draft') parts.push('draft');
  if (work.hidden) parts.push('hidden');
  if (work.restricted) parts.push('restricted');
  return parts.join(', ');
}

/** One row of `works list --json`. */
export function workListJson(work: Work) {
  return {
    id: work.id,
    title: work.title,
    creators: work.creators.map((c) => c.name),
    rating: work.rating,
    words: work.words,
    chapters: work.chapterCount,
    expectedChapters: work.expectedChapters,
    complete: work.complete,
    status: work.status,
    restricted: work.restricted,
    hidden: work.hidden,
    fandoms: work.fandoms,
    language: work.language,
    published: work.publishedOn,
    updated: work.updatedOn,
  };
}

/** The whole work for `works show --json`, camelCase keys. */
export function workShowJson(work: WorkWithChapters) {
  return {
    id: work.id,
    title: work.title,
    creators: work.creators.map((c) => c.name),
    summary: work.summary,
    notes: work.notes,
    endNotes: work.endNotes,
    rating: work.rating,
    warnings: work.warnings,
    categories: work.categories,
    fandoms: work.fandoms,
    relationships: work.relationships,
    characters: work.characters,
    tags: work.tags,
    language: work.language,
    series: work.series.map((s) => ({ id: s.id, title: s.title, position: s.position })),
    words: work.words,
    complete: work.complete,
    expectedChapters: work.expectedChapters,
    publishedOn: work.publishedOn,
    updatedOn: work.updatedOn,
    status: work.status,
    restricted: work.restricted,
    hidden: work.hidden,
    chapters: work.chapters.map((c) => ({
      position: c.position,
      title: c.title,
      summary: c.summary,
      notes: c.notes,
      endNotes: c.endNotes,
      publishedOn: c.publishedOn,
      words: c.words,
      html: c.html,
    })),
  };
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes (CJK characters take two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Cuts `s` to `width` columns (with `…`) and pads it to exactly `width`. */
export function fit(s: string, width: number): string {
  let out = '';
  let w = 0;
  const chars = [...s];
  const total = displayWidth(s);
  for (const ch of chars) {
    const cw = displayWidth(ch);
    if (total > width && w + cw > width - 1) {
      out += '…';
      w += 1;
      break;
    }
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(Math.max(0, width - w));
}

/** The aligned table of `works list`. */
export function workTable(works: readonly Work[]): string {
  const idWidth = Math.max(2, ...works.map((w) => String(w.id).length));
  const header = `${'ID'.padStart(idWidth)}  ${fit('TITLE', 30)}  ${fit('CREATORS', 16)}  ${fit('RATING', 9)}  ${'WORDS'.padStart(7)}  ${fit('CHAPTERS', 8)}  STATUS`;
  const rows = works.map((w) =>
    [
      String(w.id).padStart(idWidth),
      fit(w.title, 30),
      fit(w.creators.map((c) => c.name).join(', '), 16),
      fit(SHORT_RATING[w.rating], 9),
      number.format(w.words).padStart(7),
      fit(chapterLabel(w), 8),
      statusLabel(w),
    ].join('  '),
  );
  return [header, ...rows].join('\n');
}

function text(html: string): string {
  return htmlToText(html).split('\n').map((l) => `  ${l}`.trimEnd()).join('\n');
}

/** The readable summary of `works show`. */
export function workSummary(work: WorkWithChapters): string {
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : '—');
  const fields: [string, string][] = [
    ['Rating', work.rating],
    ['Warnings', list(work.warnings)],
    ['Categories', list(work.categories)],
    ['Fandoms', list(work.fandoms)],
    ['Relationships', list(work.relationships)],
    ['Characters', list(work.characters)],
    ['Tags', list(work.tags)],
    ['Language', `${languageName(work.language)} (${work.language})`],
    ['Series', list(work.series.map((s) => `part ${s.position} of ${s.title}`))],
    ['Published', work.publishedOn],
    ['Updated', work.updatedOn],
    ['Status', `${work.status}, ${statusLabel(work)}`],
    ['Words', number.format(work.words)],
    ['Chapters', chapterLabel(work)],
  ];
  const lines = [`${work.title}  (work ${work.id})`, `by ${list(work.creators.map((c) => c.name))}`, ''];
  for (const [label, value] of fields) lines.push(`${`${label}:`.padEnd(15)}${value}`);
  if (work.summary) lines.push('', 'Summary:', text(work.summary));
  if (work.notes) lines.push('', 'Notes:', text(work.notes));
  if (work.endNotes) lines.push('', 'End notes:', text(work.endNotes));
  if (work.chapters.length > 1 || work.chapters[0]?.title) {
    lines.push('', 'Chapters:');
    for (const c of work.chapters) {
      lines.push(`  ${c.position}. ${c.title || `Chapter ${c.position}`} (${number.format(c.words)} words, ${c.publishedOn})`);
    }
  }
  return lines.join('\n');
}
