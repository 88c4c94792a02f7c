const SAMPLE = 20_000;

/**
 * A light guess at a text's language from its script, for files that do not say: mostly Han or
 * Kana → `ja` when Kana is frequent, else `zh`; mostly Hangul → `ko`; mostly Cyrillic → `uk`
 * when Ukrainian-only letters show, else `ru`; anything else → `en`. Looks at the first 20,000
 * characters only.
 *
 * @example guessLanguage('雨が降っていた。') === 'ja'
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  let letters = 0, han = 0, kana = 0, hangul = 0, cyrillic = 0, ukrainian = 0;
  for (const ch of sample) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) kana++;
    else if (/\p{Script=Hangul}/u.test(ch)) hangul++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) {
      cyrillic++;
      if (/[іїєґІЇЄҐ]/.test(ch)) ukrainian++;
    }
  }
  if (letters === 0) return 'en';
  if ((han + kana) / letters > 0.5) return kana / (han + kana) > 0.1 ? 'ja' : 'zh';
  if (hangul / letters > 0.5) return 'ko';
  if (cyrillic / letters > 0.5) return ukrainian / cyrillic > 0.01 ? 'uk' : 'ru';
  return 'en';
}
