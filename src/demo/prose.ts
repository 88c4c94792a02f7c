/**
 * Turns the demo library's plain text into simple HTML. The stories are written with straight
 * quotes and `--` for ease of typing; `smarten` gives them curly quotes, em dashes and ellipses.
 */

/**
 * Typographic quotes and dashes: `"Wait--" she said...` → `“Wait—” she said…`.
 * A quote is opening when it follows the start, a space, a bracket or a dash and is followed by
 * a non-space; otherwise it is closing (or, for `'`, an apostrophe).
 */
export function smarten(text: string): string {
  return text
    .replace(/\.\.\./g, '…')
    .replace(/--/g, '—')
    .replace(/(^|[\s([{\u2014\u2013])"(?=\S)/g, '$1“')
    .replace(/"/g, '”')
    .replace(/(^|[\s([{\u2014\u2013])'(?=\S)/g, '$1‘')
    .replace(/'/g, '’');
}

/** Escapes the characters that matter in HTML text. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SCENE_BREAK = /^(\*\s*){3}$/;

/**
 * Plain paragraphs to HTML, as AO3 does with plain text: a blank line starts a paragraph, a single
 * newline is a line break. `*word*` becomes `<em>word</em>`; a paragraph of `***` is a centred
 * scene break. Text is smartened and escaped.
 *
 * @example prose('"Hi."\n\nShe *waved*.') === '<p>“Hi.”</p>\n<p>She <em>waved</em>.</p>'
 */
export function prose(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((para) => {
      const lines = para.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const joined = lines.join('\n');
      if (SCENE_BREAK.test(joined)) return '<p align="center">* * *</p>';
      const html = escapeText(smarten(joined))
        .replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '<em>$1</em>')
        .replace(/\n/g, '<br />');
      return `<p>${html}</p>`;
    })
    .join('\n');
}
