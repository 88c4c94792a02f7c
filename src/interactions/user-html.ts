import { sanitize } from '../formats/sanitize.ts';

const BLOCK_TAG = /<\s*(p|div|blockquote|ul|ol|pre|table|h[1-6]|details|dl|center|address|figure)\b/i;

/**
 * What a reader typed in a text box (a comment, bookmark notes) as sanitized HTML on AO3's
 * allowlist. Text without block tags becomes paragraphs: a blank line starts one, a single
 * newline is a line break; inline HTML (`<em>`, links) is kept.
 *
 * @example userHtml('Loved it!\n\n<em>More</em> please') === '<p>Loved it!</p>\n<p><em>More</em> please</p>'
 */
export function userHtml(input: string): string {
  const text = input.replace(/\r\n?/g, '\n').trim();
  if (text === '') return '';
  const shaped = BLOCK_TAG.test(text)
    ? text
    : text
        .split(/\n[ \t]*\n+/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => `<p>${p.split('\n').join('<br>\n')}</p>`)
        .join('\n');
  return sanitize(shaped);
}

/** Length in characters (code points), as a reader counts them. */
export function charLength(text: string): number {
  return [...text.replace(/\r\n?/g, '\n').trim()].length;
}
