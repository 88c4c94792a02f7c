/** Plain text to HTML, as AO3 does it: a blank line starts a paragraph, a single newline is a line break. */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A paragraph, or a `## Heading` line (which is always a block of its own). */
export interface TextBlock {
  kind: 'paragraph' | 'heading';
  /** Paragraph lines joined with `\n` (trimmed), or the heading's text after `##`. */
  text: string;
  /** 1-based line where the block starts, for messages. */
  line: number;
}

const HEADING = /^##[ \t]+(\S.*)$/;

/**
 * Cuts text (with `\n` line endings) into blocks. Lines are trimmed; blank lines end paragraphs;
 * a line `## Title` is a heading block when `headings` is true.
 */
export function textBlocks(text: string, headings = true, firstLine = 1): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  let start = firstLine;
  const flush = () => {
    if (lines.length > 0) blocks.push({ kind: 'paragraph', text: lines.join('\n'), line: start });
    lines = [];
  };
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!.trim();
    if (line === '') {
      flush();
      continue;
    }
    const h = headings ? HEADING.exec(line) : null;
    if (h) {
      flush();
      blocks.push({ kind: 'heading', text: h[1]!.trim(), line: firstLine + i });
      continue;
    }
    if (lines.length === 0) start = firstLine + i;
    lines.push(line);
  }
  flush();
  return blocks;
}

/** `['one\ntwo', 'three']` → `<p>one<br>two</p>\n<p>three</p>` with the text escaped. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');
}

/** Plain text (front-matter summary or notes) to paragraphs of HTML. */
export function textToHtml(text: string): string {
  return paragraphsToHtml(textBlocks(text.replace(/\r\n?/g, '\n'), false).map((b) => b.text));
}
