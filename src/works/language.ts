/**
 * Languages: stored as short codes (`en`, `zh`, `pt-BR`), shown by name. Input may be a code or a
 * common English or native name ("English", "中文", "Español").
 */
export const LANGUAGES: Record<string, string> = {
  en: 'English', zh: '中文', ru: 'Русский', es: 'Español', fr: 'Français', de: 'Deutsch', ja: '日本語',
  pt: 'Português', 'pt-BR': 'Português brasileiro', it: 'Italiano', ko: '한국어', pl: 'Polski', th: 'ไทย',
  nl: 'Nederlands', sv: 'Svenska', fi: 'Suomi', tr: 'Türkçe', uk: 'Українська', vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia', ar: 'العربية', he: 'עברית', cs: 'Čeština', hu: 'Magyar', ca: 'Català',
  da: 'Dansk', no: 'Norsk', el: 'Ελληνικά', la: 'Latina', eo: 'Esperanto', tl: 'Filipino',
};

const ENGLISH_NAMES: Record<string, string> = {
  english: 'en', chinese: 'zh', russian: 'ru', spanish: 'es', french: 'fr', german: 'de', japanese: 'ja',
  portuguese: 'pt', 'brazilian portuguese': 'pt-BR', italian: 'it', korean: 'ko', polish: 'pl', thai: 'th',
  dutch: 'nl', swedish: 'sv', finnish: 'fi', turkish: 'tr', ukrainian: 'uk', vietnamese: 'vi',
  indonesian: 'id', arabic: 'ar', hebrew: 'he', czech: 'cs', hungarian: 'hu', catalan: 'ca', danish: 'da',
  norwegian: 'no', greek: 'el', latin: 'la', esperanto: 'eo', filipino: 'tl', tagalog: 'tl',
};

const CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** `parseLanguage('English') === 'en'`, `parseLanguage('pt-br') === 'pt-BR'`; undefined if unknown. */
export function parseLanguage(input: string): string | undefined {
  const s = input.trim();
  const lower = s.toLowerCase();
  if (ENGLISH_NAMES[lower]) return ENGLISH_NAMES[lower];
  for (const [code, name] of Object.entries(LANGUAGES)) {
    if (code.toLowerCase() === lower || name.toLowerCase() === lower) return code;
  }
  const m = /^([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))?$/i.exec(s);
  if (m) {
    const code = m[2] ? `${m[1]!.toLowerCase()}-${m[2].length === 2 ? m[2].toUpperCase() : m[2]}` : m[1]!.toLowerCase();
    return CODE.test(code) ? code : undefined;
  }
  return undefined;
}

/** The display name of a code: `languageName('zh') === '中文'`. */
export function languageName(code: string): string {
  return LANGUAGES[code] ?? code;
}
