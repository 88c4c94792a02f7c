/**
 * Author's notes in plain files. Fan fiction puts them before the story ("A/N: thanks to my
 * beta!") and after it ("Notes: find me at …"), often run into the last paragraph. These rules
 * find them in a list of blocks (paragraphs), without stealing ordinary text:
 *
 * - A label is one of Notes, Note, Author's Note(s) (straight or curly apostrophe, with or without
 *   it), A/N, AN, End Notes, T/N, Translator's Note(s), case-insensitive, then a colon; or the label
 *   alone on its line ("Notes", "End Notes:") with the notes in the next blocks. Leading `*`, `_`,
 *   `(`, `[`, `~` and `#` are allowed (`**A/N:**`, `(A/N: …)`, `### Notes`).
 * - Leading notes: the first block starts with a label. They run to a scene-break line (`***`,
 *   `---`, `~~~`) within the first six blocks, else they are that block alone (plus the next one
 *   when the label stands alone).
 * - End notes: a block starting with a label among the last three blocks (the last eight when a
 *   scene break comes just before it or the label stands alone), through the end.
 * - Run-in end notes: otherwise a label that follows the end of a sentence in the last 2,000
 *   characters of the last block starts the end notes, if what follows is at most 1,000 characters.
 *   Labels in the middle of the story are never taken, nor notes that would leave no story.
 * - Notes longer than 5,000 characters (AO3's limit) are not notes.
 */
const LABEL = String.raw`(?:authors?(?:['’]s?)?\s*notes?|translators?(?:['’]s?)?\s*notes?|end\s*notes?|notes?|a\s*[/.]\s*n\.?s?|t\s*[/.]\s*n\.?|ans?)`;
const OPEN = String.raw`[\s*_\[(~#]*`;
const WITH_COLON = new RegExp(String.raw`^${OPEN}${LABEL}[\s*_]*[:：][*_\])]*\s*`, 'i');
const LABEL_ONLY = new RegExp(String.raw`^${OPEN}${LABEL}[\s*_\])~:：\-–—]*$`, 'i');
const RUN_IN = new RegExp(String.raw`\s(?=[*_\[(~]*${LABEL}[\s*_]*[:：])`, 'gi');
const SENTENCE_END = /[.!?…"”’')\]*~]/;
const SEPARATOR = /^\s*(?:(?:[*~=_\-•·#+]\s*){3,}|o0o|oOo|xXx|0o0)\s*$/;

/** AO3's limit on notes; longer text is not taken for notes. */
export const NOTES_MAX = 5000;
const RUN_IN_WINDOW = 2000;
const RUN_IN_MAX = 1000;

export interface Marker {
  /** Characters of the label (with its decoration and following space) at the block's start. */
  length: number;
  /** The label is all there is: the notes are in the next blocks. */
  labelOnly: boolean;
}

/** The notes label a block starts with, if any. `matchMarker('A/N: hi')` → `{ length: 5, labelOnly: false }` */
export function matchMarker(text: string): Marker | undefined {
  const t = text.trimEnd();
  if (LABEL_ONLY.test(t)) return { length: text.length, labelOnly: true };
  const m = WITH_COLON.exec(text);
  return m ? { length: m[0].length, labelOnly: false } : undefined;
}

/** A scene-break line such as `***`, `* * *`, `---` or `~~~`. */
export function isSeparator(text: string): boolean {
  return text.length < 40 && SEPARATOR.test(text);
}

/**
 * Removes the label from notes text: `'(A/N: thanks!)'` → `'thanks!'`. Brackets opened before the
 * label are closed at the end of the text and go too.
 */
export function stripMarker(text: string): string {
  const m = matchMarker(text);
  if (!m) return text.trim();
  const opened = /^[\s*_~#]*([[(])/.exec(text)?.[1];
  let rest = m.labelOnly ? '' : text.slice(m.length).trim();
  const close = opened === '(' ? ')' : opened === '[' ? ']' : undefined;
  if (close && rest.endsWith(close)) rest = rest.slice(0, -1).trimEnd();
  return rest;
}

/** Where the notes are in a list of blocks. Separators around notes belong to no range. */
export interface NotesSplit {
  /** Blocks `[0, leadEnd)` are leading notes (none when 0). */
  leadEnd: number;
  bodyStart: number;
  bodyEnd: number;
  /** Blocks `[tailStart, length)` are end notes (none when it equals the length). */
  tailStart: number;
  /** End notes run into the last body block from this character on. */
  runIn?: { block: number; offset: number };
}

const size = (texts: readonly string[], from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n += texts[i]!.length;
  return n;
};
const hasText = (texts: readonly string[], from: number, to: number) => {
  for (let i = from; i < to; i++) if (!isSeparator(texts[i]!) && texts[i]!.trim() !== '') return true;
  return false;
};

/** Finds leading and end notes in `texts` (one string per paragraph or block), by the rules above. */
export function findNotes(texts: readonly string[]): NotesSplit {
  const n = texts.length;
  let leadEnd = 0;
  let bodyStart = 0;
  const first = n > 1 ? matchMarker(texts[0]!) : undefined;
  if (first) {
    let sep = -1;
    for (let i = 1; i < Math.min(n, 7); i++) if (isSeparator(texts[i]!)) { sep = i; break; }
    const end = sep > 0 ? sep : first.labelOnly ? 2 : 1;
    const start = sep > 0 ? sep + 1 : end;
    if (size(texts, 0, end) <= NOTES_MAX && hasText(texts, start, n) && (!first.labelOnly || end > 1)) {
      leadEnd = end;
      bodyStart = start;
    }
  }

  let tailStart = n;
  let bodyEnd = n;
  for (let i = n - 1; i > bodyStart && i >= n - 8; i--) {
    const m = matchMarker(texts[i]!);
    if (!m) continue;
    const strong = m.labelOnly || isSeparator(texts[i - 1]!);
    if ((strong || i >= n - 3) && size(texts, i, n) <= NOTES_MAX && (!m.labelOnly || i < n - 1)) {
      let end = i;
      while (end > bodyStart && isSeparator(texts[end - 1]!)) end--;
      if (hasText(texts, bodyStart, end)) {
        tailStart = i;
        bodyEnd = end;
      }
    }
  }
  while (bodyEnd > bodyStart && isSeparator(texts[bodyEnd - 1]!) && tailStart < n) bodyEnd--;
  const split: NotesSplit = { leadEnd, bodyStart, bodyEnd, tailStart };
  if (tailStart === n && bodyEnd > bodyStart) {
    const offset = runInOffset(texts[bodyEnd - 1]!);
    if (offset !== undefined) split.runIn = { block: bodyEnd - 1, offset };
  }
  return split;
}

/** Where run-in end notes start in the last block, or undefined. Looks only at the block's tail: linear. */
export function runInOffset(text: string): number | undefined {
  const from = Math.max(0, text.length - RUN_IN_WINDOW);
  const window = text.slice(from);
  for (const m of window.matchAll(RUN_IN)) {
    const at = from + m.index;
    const before = text.slice(0, at).trimEnd();
    if (before.length === 0 || !SENTENCE_END.test(before[before.length - 1]!)) continue;
    const offset = at + 1;
    if (text.length - offset > RUN_IN_MAX) continue;
    if (stripMarker(text.slice(offset)) === '') continue;
    return offset;
  }
  return undefined;
}
