import type { ChapterTokens } from './characters.ts';
import { evidence } from './evidence.ts';
import { PROFILES } from './language-profiles.ts';
import { round } from './rating.ts';
import type { LanguageSuggestion } from './suggest.types.ts';

/**
 * A light language detector. First the script: a text mostly in Han, kana, Hangul, Cyrillic,
 * Greek, Arabic, Hebrew, Thai or Devanagari letters gets that script's language (kana → ja,
 * Ukrainian letters → uk, Persian letters → fa). Latin-script text is matched against the
 * stop-word profiles (language-profiles.ts); the language with most hits wins, and the gap to
 * the runner-up sets the confidence. Reads at most the first {@link SAMPLE} characters.
 */
export const SAMPLE = 20_000;
const MIN_HITS = 2;

const SCRIPTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];
const LETTER = /\p{L}/u;

const STOPWORDS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(PROFILES)) {
  for (const w of list.split(/\s+/).filter(Boolean)) STOPWORDS.set(w, [...(STOPWORDS.get(w) ?? []), lang]);
}

function countScripts(sample: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of sample) {
    if (!LETTER.test(ch)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

function share(sample: string, re: RegExp, of: number): number {
  return of === 0 ? 0 : (sample.match(re)?.length ?? 0) / of;
}

/** The language of the chapters, or undefined when the text is too short or mixed to tell. */
export function detectLanguage(chapters: readonly ChapterTokens[]): LanguageSuggestion | undefined {
  const sample = chapters.map((c) => c.tokens.text).join('\n').slice(0, SAMPLE);
  const counts = countScripts(sample);
  const letters = [...counts.values()].reduce((a, b) => a + b, 0);
  if (letters === 0) return undefined;
  const cjk = (counts.get('han') ?? 0) + (counts.get('kana') ?? 0);
  const [script, n] = [...counts.entries(), ['cjk', cjk] as [string, number]]
    .filter(([s]) => s !== 'han' && s !== 'kana')
    .sort((a, b) => b[1] - a[1])[0]!;
  if (script !== 'latin' && script !== 'other' && n >= letters * 0.3) {
    const code = scriptLanguage(script, sample, n, counts);
    const first = chapters[0]!.tokens;
    const re = script === 'cjk' ? /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u : SCRIPTS.find(([k]) => k === script)![1];
    const at = first.starts.findIndex((s) => re.test(String.fromCodePoint(first.text.codePointAt(s)!)));
    const ev = at >= 0 ? [evidence(first, chapters[0]!.number, [{ start: first.starts[at]!, end: first.ends[at]! }], `${script} script`)] : [];
    return { value: code, confidence: round(Math.min(0.97, 0.6 + 0.35 * (n / letters))), evidence: ev };
  }
  return byStopwords(chapters);
}

function scriptLanguage(script: string, sample: string, n: number, counts: Map<string, number>): string {
  switch (script) {
    case 'cjk': return (counts.get('kana') ?? 0) >= n * 0.05 ? 'ja' : 'zh';
    case 'hangul': return 'ko';
    case 'cyrillic': return share(sample, /[іїєґІЇЄҐ]/gu, n) >= 0.005 ? 'uk' : 'ru';
    case 'greek': return 'el';
    case 'arabic': return share(sample, /[پچژگ]/gu, n) >= 0.005 ? 'fa' : 'ar';
    case 'hebrew': return 'he';
    case 'thai': return 'th';
    default: return 'hi';
  }
}

function byStopwords(chapters: readonly ChapterTokens[]): LanguageSuggestion | undefined {
  const scores = new Map<string, number>();
  const spans = new Map<string, { start: number; end: number }[]>();
  let seen = 0;
  const first = chapters[0]!.tokens;
  for (const ch of chapters) {
    const t = ch.tokens;
    for (let i = 0; i < t.length && seen < SAMPLE / 5; i++, seen++) {
      const w = t.text.slice(t.starts[i], t.ends[i]).toLowerCase().replaceAll('’', "'");
      const apostrophe = w.indexOf("'");
      const langs = new Set([...(STOPWORDS.get(w) ?? []), ...(apostrophe > 0 ? STOPWORDS.get(w.slice(0, apostrophe + 1)) ?? [] : [])]);
      for (const lang of langs) {
        scores.set(lang, (scores.get(lang) ?? 0) + 1);
        if (t === first) {
          const list = spans.get(lang) ?? [];
          if (list.length < 40) list.push({ start: t.starts[i]!, end: t.ends[i]! });
          spans.set(lang, list);
        }
      }
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_HITS) return undefined;
  const margin = (best[1] - (second?.[1] ?? 0)) / best[1];
  const confidence = round(Math.min(0.97, 0.4 + 0.6 * margin * Math.min(1, best[1] / 20)));
  const marks = (spans.get(best[0]) ?? []).slice(0, 5);
  const ev = marks.length > 0 ? [evidence(first, chapters[0]!.number, marks, `common ${best[0]} words`)] : [];
  return { value: best[0], confidence, evidence: ev };
}
