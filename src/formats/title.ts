import path from 'node:path';

/**
 * A title from a file name: extension dropped, `_` `-` `.` and runs of spaces become single
 * spaces, and each word starts with a capital.
 *
 * @example titleFromFileName('dir/the_long_way-home.txt') === 'The Long Way Home'
 */
export function titleFromFileName(fileName: string): string {
  const base = path.basename(fileName).replace(/\.[^.]+$/, '');
  const words = base.replace(/[_.\-]+/g, ' ').replace(/\s+/g, ' ').trim();
  const title = words.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
  return title || 'Untitled';
}

const QUOTE_START = /^["“'‘«„「『]/;

/**
 * Whether a paragraph looks like a title: one line of at most 100 characters that does not end
 * like a sentence (`.` `,` `;` `:` or a closing quote) and does not open with a quotation mark.
 */
export function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > 100 || t.includes('\n')) return false;
  if (QUOTE_START.test(t)) return false;
  if (/(?:^|[^.])\.$/.test(t)) return false;
  return !/[,;:"”»]$/.test(t);
}

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|[IVXLC]+|[ivxlc]{1,4}|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)`;
const CHAPTER_PREFIX = new RegExp(String.raw`^(?:[Cc]hapter|CHAPTER|[Cc]h\.|[Pp]art|PART)\s*${NUMBER}(?![\p{L}\p{N}])\s*(?:[:.\-–—]\s*)?`, 'u');

/**
 * A chapter title from a heading, without a redundant "Chapter N" that Quire shows anyway:
 * `'Chapter 3: The Storm'` → `'The Storm'`, `'Chapter 3'` → `''` (untitled), `'Interlude'` → `'Interlude'`.
 */
export function chapterTitle(heading: string): string {
  const t = heading.replace(/\s+/g, ' ').trim();
  const m = CHAPTER_PREFIX.exec(t);
  if (!m) return t;
  return t.slice(m[0].length).trim();
}
