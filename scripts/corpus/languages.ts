import { HAN_CHARS, HIRAGANA, KANJI_CHARS, KATAKANA } from './lexicon.ts';

/**
 * The languages of the synthetic archive and how each one's invented words are spelled.
 * Shares follow REFERENCE §8 (English 90.6%, Chinese 4.6%, Russian 1.9%, Spanish 1.0%) with the
 * remaining 1.9% spread over a tail of other languages.
 */
export interface LanguageProfile {
  code: string;
  /** Share of works. */
  share: number;
  /** Syllables from which invented words are built (each a fixed-width string). */
  syllables: string[];
  /** Optional word endings ('' included). */
  codas: string[];
  /** Written without spaces, one word per character (Chinese, Japanese). */
  cjk: boolean;
  /** Appended to an invented word that happens to spell a real one: a letter its syllables never use. */
  marker: string;
}

const cv = (onsets: string, vowels: string): string[] => [...onsets].flatMap((c) => [...vowels].map((v) => c + v));

/** Hangul syllable from initial, medial and final indexes (Unicode composition formula). */
const hangul = (i: number, m: number, f: number): string => String.fromCharCode(0xac00 + (i * 21 + m) * 28 + f);
const HANGUL = [0, 2, 3, 5, 6, 7, 9, 11, 12, 14].flatMap((i) => [0, 4, 8, 13, 18, 20].map((m) => hangul(i, m, 0)));

const latin = (code: string, share: number, onsets: string, vowels: string, codas: string, marker: string): LanguageProfile => ({
  code, share, syllables: cv(onsets, vowels), codas: ['', ...codas], cjk: false, marker,
});

export const LANGUAGE_PROFILES: LanguageProfile[] = [
  latin('en', 0.906, 'bcdfghklmnprstvwz', 'aeiouy', 'nrsltmd', 'x'),
  { code: 'zh', share: 0.046, syllables: HAN_CHARS, codas: [''], cjk: true, marker: '呢' },
  latin('ru', 0.019, 'бвгдзклмнпрстфхчш', 'аеиоуыя', 'нрвлкй', 'щ'),
  latin('es', 0.01, 'bcdfglmnprstvñ', 'aeiouá', 'nrsl', 'z'),
  latin('fr', 0.0035, 'bcdfglmnprstv', 'aeiouéè', 'nrslt', 'x'),
  latin('de', 0.003, 'bdfghklmnprstwz', 'aeiouäü', 'nrstß', 'x'),
  latin('pt-BR', 0.0025, 'bcdfglmnprstv', 'aeiouãé', 'nrsl', 'x'),
  { code: 'ja', share: 0.002, syllables: [...KANJI_CHARS, ...KATAKANA, ...HIRAGANA], codas: [''], cjk: true, marker: 'ゑ' },
  { code: 'ko', share: 0.0015, syllables: HANGUL, codas: [''], cjk: false, marker: '요' },
  latin('it', 0.0015, 'bcdfglmnprstvz', 'aeiouà', 'nrl', 'x'),
  latin('pl', 0.0012, 'bcdfgklmnprstwzłż', 'aeiouyę', 'nrćś', 'x'),
  latin('uk', 0.0008, 'бвгдзклмнпрстхчш', 'аеиоуіїє', 'нрвлй', 'щ'),
  latin('vi', 0.0007, 'bcdghklmnstvx', 'aăâeêioôơuư', 'nmtc', 'q'),
  latin('id', 0.0006, 'bcdgjklmnprstw', 'aeiou', 'nrlkh', 'x'),
  latin('nl', 0.0006, 'bdfghjklmnprstvwz', 'aeiou', 'nrstk', 'x'),
  latin('tr', 0.0006, 'bcçdfgğhklmnprsştvyz', 'aeıioöuü', 'nrlkm', 'j'),
];

const BY_CODE = new Map(LANGUAGE_PROFILES.map((p) => [p.code, p]));

/** The profile for a language code (unknown codes spell like English). */
export function languageProfile(code: string): LanguageProfile {
  return BY_CODE.get(code) ?? { ...LANGUAGE_PROFILES[0]!, code };
}
