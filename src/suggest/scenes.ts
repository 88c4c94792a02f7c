import type { Tokens } from './tokenize.ts';

/**
 * Scenes: a chapter is cut into sections at scene-break lines (`***`, `* * *`, `---`, `~`,
 * `o0o`, `xXx`…), and each section into units (paragraphs; a paragraph longer than
 * {@link MAX_UNIT} words is cut at sentence ends, so a text with no line breaks still has
 * scenes). Two characters "share a scene" when they are named in the same window of two
 * neighbouring units of one section.
 */
export interface Span {
  start: number;
  end: number;
}

/** A line made only of break symbols, or one of the usual letter dividers. */
const BREAK_LINE = /^[ \t]*(?:(?:[*~#=+_•·◇◆❖❦§※\-–—][ \t]*)+|o0o|0o0|oOo|OoO|xXx|XxX|x{3,}|o{3,}|-+x-+)[ \t\r]*$/gimu;

/** Character spans of the scene-break lines of a text, in order. */
export function findSceneBreaks(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(BREAK_LINE)) {
    if (m[0].trim() === '') continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Sections of a text between scene breaks, as character spans (for display and tests). */
export function splitSections(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const b of findSceneBreaks(text)) {
    if (text.slice(from, b.start).trim() !== '') out.push({ start: from, end: b.start });
    from = b.end;
  }
  if (text.slice(from).trim() !== '') out.push({ start: from, end: text.length });
  return out;
}

/** A paragraph longer than this many words is cut at the next sentence end... */
export const MAX_UNIT = 100;
/** ...or, with no sentence end in sight, cut hard at this many. */
const HARD_CUT = 250;

/** A run of tokens `[from, to)` inside one section. */
export interface Unit {
  from: number;
  to: number;
  section: number;
}

/** Cuts tokens into units: paragraphs, long ones cut at sentence ends (hard cut at 250 words). */
export function units(t: Tokens): Unit[] {
  const out: Unit[] = [];
  let from = 0;
  for (let i = 1; i <= t.length; i++) {
    const end = i === t.length || t.paragraph[i] !== t.paragraph[i - 1];
    const size = i - from;
    const sentenceCut = size >= MAX_UNIT && t.sentence[i] !== t.sentence[i - 1];
    if (end || sentenceCut || size >= HARD_CUT) {
      out.push({ from, to: i, section: t.section[from]! });
      from = i;
    }
  }
  return out;
}

/** Windows of two neighbouring units in one section (a lone unit is its own window). */
export function windows(us: readonly Unit[]): Span[] {
  const out: Span[] = [];
  for (let j = 0; j < us.length; j++) {
    const u = us[j]!;
    const next = us[j + 1];
    if (next && next.section === u.section) out.push({ start: u.from, end: next.to });
    else if (j === 0 || us[j - 1]!.section !== u.section) out.push({ start: u.from, end: u.to });
  }
  return out;
}
