import { HAN_CHARS, KATAKANA, ZH_GIVEN, ZH_SURNAMES } from './lexicon.ts';
import { hash32, type Rng } from './rng.ts';
import { vocabularyFor, type Vocabulary } from './vocabulary.ts';

/**
 * Sentence-like prose from a language's vocabulary: sentences of 5–30 words with capitals,
 * commas and end punctuation (some as dialogue), paragraphs of 2–8 sentences as `<p>` HTML,
 * character names sprinkled in. Word counts are exact and agree with `countWords`
 * (src/works/word-count.ts): one per space-separated token, one per character in Chinese and
 * Japanese. The HTML is already what `sanitize` returns (no `&`, `<` or `>` in the text).
 */
export interface TextStyle {
  /** Everything in lower case (some authors write that way). */
  lowercase?: boolean;
  /** The whole chapter pasted as one paragraph. */
  oneParagraph?: boolean;
}

const PHRASE_RATE = 0.02;
const NAME_RATE = 0.035;
const COMMA_RATE = 0.08;
const DIALOGUE_RATE = 0.12;

export class TextWriter {
  private readonly vocab: Vocabulary;
  private readonly cjk: boolean;
  private readonly sep: string;
  /** Each name in the language's script: in full, its first word, and its word count. */
  private readonly names: { full: string; short: string; words: number }[];

  constructor(
    readonly lang: string,
    private readonly rng: Rng,
    characterNames: readonly string[] = [],
    private readonly style: TextStyle = {},
  ) {
    this.vocab = vocabularyFor(lang);
    this.cjk = this.vocab.cjk;
    this.sep = this.cjk ? '' : ' ';
    this.names = characterNames.map((n) => {
      const tokens = renderName(n, lang);
      const full = tokens.join(this.sep);
      return { full, short: tokens[0]!, words: this.cjk ? full.length : tokens.length };
    });
  }

  /** One chapter body of exactly `words` words (at least 1). */
  chapter(words: number): { html: string; words: number } {
    const paragraphs: string[] = [];
    let left = Math.max(1, words);
    while (left > 0) {
      const sentences: string[] = [];
      const count = this.style.oneParagraph ? Infinity : this.rng.range(2, 8);
      while (left > 0 && sentences.length < count) {
        const s = this.sentence(Math.min(left, this.sentenceLength()));
        sentences.push(s.text);
        left -= s.words;
      }
      paragraphs.push(`<p>${sentences.join(this.sep)}</p>`);
    }
    return { html: paragraphs.join('\n'), words: Math.max(1, words) };
  }

  /** A stand-in body for works generated without text: one short sentence. */
  placeholder(): string {
    return `<p>${this.sentence(this.cjk ? 16 : 8).text}</p>`;
  }

  /** A title of a few words. */
  title(): string {
    const s = this.sentence(this.rng.range(1, 6), { plain: true });
    if (this.cjk) return s.text;
    return s.text.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  }

  /** One `<p>` of 1–4 sentences, under `maxChars`. */
  paragraph(maxSentences: number, maxChars: number): string {
    const n = this.rng.range(1, maxSentences);
    const parts: string[] = [];
    let len = 7;
    for (let i = 0; i < n; i++) {
      const s = this.sentence(this.sentenceLength()).text;
      if (len + s.length + 1 > maxChars) break;
      parts.push(s);
      len += s.length + 1;
    }
    if (parts.length === 0) parts.push(this.sentence(5).text);
    return `<p>${parts.join(this.sep)}</p>`;
  }

  private sentenceLength(): number {
    return Math.min(30, Math.max(5, Math.round(this.rng.logNormal(12, 0.4))));
  }

  /** A sentence of exactly `target` words. */
  sentence(target: number, opts: { plain?: boolean } = {}): { text: string; words: number } {
    const { rng, vocab, cjk, sep, names } = this;
    const tokens: string[] = [];
    const comma = opts.plain ? -1 : 1 - COMMA_RATE;
    let n = 0;
    while (n < target) {
      // One draw decides phrase, name, or a plain word and whether a comma follows it.
      const u = rng.float();
      if (u < PHRASE_RATE) {
        const p = vocab.phraseText(vocab.samplePhraseRank(rng));
        if (n + p.words <= target) {
          tokens.push(p.text);
          n += p.words;
          continue;
        }
      } else if (u < PHRASE_RATE + NAME_RATE && names.length > 0) {
        const name = names[Math.floor(rng.float() * rng.float() * names.length)]!;
        const full = cjk || name.short === name.full || rng.chance(0.3);
        const words = full ? name.words : 1;
        if (n + words <= target) {
          tokens.push(full ? name.full : name.short);
          n += words;
          continue;
        }
      }
      let piece = vocab.sampleWord(rng);
      if (cjk) {
        if (n + piece.length > target) piece = piece.slice(0, target - n);
        n += piece.length;
      } else n++;
      tokens.push(comma > 0 && u >= comma && n < target ? piece + (cjk ? '，' : ',') : piece);
    }
    let text = tokens.join(sep);
    if (this.style.lowercase) text = text.toLowerCase();
    else if (!cjk) text = text.charAt(0).toUpperCase() + text.slice(1);
    if (opts.plain) return { text, words: n };
    const v = rng.float();
    text += cjk ? (v < 0.85 ? '。' : v < 0.93 ? '？' : '！') : v < 0.85 ? '.' : v < 0.93 ? '?' : v < 0.98 ? '!' : '…';
    if (rng.float() < DIALOGUE_RATE) text = this.lang === 'ja' ? `「${text}」` : `“${text}”`;
    return { text, words: n };
  }
}

const CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'ы', z: 'з',
};
const HANGUL_NAME = [...'민서준하지우현도윤아연수진영'];

/** A character's name as it would be written in `lang`, as word tokens. */
export function renderName(fullName: string, lang: string): string[] {
  const name = fullName.replace(/\s*\(.*\)$/, '');
  const h = hash32(name);
  const pick = (list: readonly string[], salt: number) => list[(hash32(name, salt) >>> 0) % list.length]!;
  switch (lang) {
    case 'zh':
      return [pick(ZH_SURNAMES, 1) + pick(ZH_GIVEN, 2) + (h % 3 === 0 ? '' : pick(HAN_CHARS, 3))];
    case 'ja':
      return [pick(KATAKANA, 1) + pick(KATAKANA, 2) + pick(KATAKANA, 3) + (h % 2 === 0 ? '' : pick(KATAKANA, 4))];
    case 'ko':
      return [pick(HANGUL_NAME, 1) + pick(HANGUL_NAME, 2) + (h % 2 === 0 ? '' : pick(HANGUL_NAME, 3))];
    case 'ru':
    case 'uk':
      return name.split(' ').map((part) => {
        const t = [...part.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
        return t.charAt(0).toUpperCase() + t.slice(1);
      });
    default:
      return name.split(' ');
  }
}
