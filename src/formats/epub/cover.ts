import { x, type Markup } from '../export/markup.ts';
import type { Work } from '../../works/work.types.ts';
import { creatorNames } from '../export/preface.ts';

/**
 * A generated cover: an SVG image (no fonts or pictures to fetch) with the title, creators,
 * fandoms and archive name. SVG has no automatic line wrapping, so lines are measured here with
 * rough glyph widths (CJK and other wide characters count as one em).
 */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

function charWidth(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (/[A-Z MWmw@%]/.test(ch)) return 0.68;
  if (/[ilIj.,;:'!|]/.test(ch)) return 0.3;
  return 0.52;
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Pieces that may start a new line: words, single wide characters, and pieces of over-long words. */
function pieces(text: string, maxEm: number): string[] {
  const out: string[] = [];
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    let chunk = '';
    for (const ch of word) {
      const wide = WIDE.test(ch);
      if (chunk && (wide || width(chunk + ch) > maxEm)) {
        out.push(chunk);
        chunk = '';
      }
      if (wide) out.push(ch);
      else chunk += ch;
    }
    if (chunk) out.push(chunk);
    out.push(' ');
  }
  return out;
}

/** Splits text into lines at most `maxEm` wide: at spaces, or anywhere in runs of wide characters. */
export function wrapLines(text: string, maxEm: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const p of pieces(text, maxEm)) {
    if (p === ' ') {
      if (line) line += ' ';
    } else {
      if (line && width(line.trimEnd() + p) > maxEm) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += p;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && width(`${last}…`) > maxEm) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

function textLines(lines: string[], y: number, size: number, attrs: Markup): { markup: Markup; end: number } {
  const step = Math.round(size * 1.25);
  const markup = x`${lines.map((l, i) => x`<text x="300" y="${y + i * step}" font-size="${size}" ${attrs}>${l}</text>
`)}`;
  return { markup, end: y + lines.length * step };
}

/** The cover image as an SVG document (600 × 900). */
export function coverSvg(work: Work, archiveName: string): string {
  const title = wrapLines(work.title, 480 / 46, 6);
  const by = wrapLines(`by ${creatorNames(work)}`, 480 / 26, 3);
  const fandom = wrapLines(work.fandoms.join(', '), 480 / 22, 3);
  const serif = x`text-anchor="middle" font-family="serif" fill="#2b2118"`;
  const t = textLines(title, 250, 46, x`${serif} font-weight="bold"`);
  const b = textLines(by, t.end + 50, 26, serif);
  const f = textLines(fandom, Math.max(b.end + 80, 640), 22, x`${serif} font-style="italic"`);
  return x`<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="600" height="900" viewBox="0 0 600 900" xml:lang="${work.language}">
<title>${work.title}</title>
<rect x="0" y="0" width="600" height="900" fill="#f5efe3"/>
<rect x="28" y="28" width="544" height="844" fill="none" stroke="#7a2e2e" stroke-width="6"/>
<rect x="44" y="44" width="512" height="812" fill="none" stroke="#7a2e2e" stroke-width="1.5"/>
<line x1="200" y1="${t.end + 5}" x2="400" y2="${t.end + 5}" stroke="#7a2e2e" stroke-width="2"/>
${t.markup}${b.markup}${f.markup}<text x="300" y="820" font-size="20" text-anchor="middle" font-family="sans-serif" fill="#7a2e2e" xml:lang="en">${archiveName}</text>
</svg>
`.value;
}
