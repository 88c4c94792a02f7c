/**
 * Counts words as AO3 does: runs of letters and digits separated by spaces or punctuation,
 * except Chinese, Japanese and Thai, which count one word per character.
 *
 * @example countWords('It was a dark night — 真っ暗') === 8
 */
const PER_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  const rest = text.replace(PER_CHARACTER, () => {
    n++;
    return ' ';
  });
  for (const _ of rest.matchAll(WORD)) n++;
  return n;
}
