/**
 * What EPUB 3's XHTML allows, for the elements AO3's sanitizer lets through (REFERENCE §4).
 * Used by `toXhtml`: obsolete elements are renamed, elements in the wrong place are demoted or
 * wrapped, obsolete attributes set aside. Every change is recorded in `data-h*` attributes so
 * the EPUB reader can restore the original HTML exactly (`restoreHtml`).
 */

/** Obsolete elements and what they become: element, and a class that keeps the look. */
export const RENAMED: Record<string, { name: string; cls: string }> = {
  center: { name: 'div', cls: 'center' },
  big: { name: 'span', cls: 'big' },
  tt: { name: 'span', cls: 'tt' },
  strike: { name: 's', cls: 'strike' },
  acronym: { name: 'abbr', cls: 'acronym' },
};

/** Elements allowed where only phrasing content may go (after renaming). */
export const PHRASING = new Set([
  'a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'q', 'ruby',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var',
]);

/** Elements whose children may only be phrasing content. `a`, `ins`, `del` are transparent. */
export const PHRASING_ONLY = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'span', 'em', 'strong', 'b', 'i', 'u', 's', 'small',
  'sub', 'sup', 'code', 'kbd', 'samp', 'var', 'cite', 'dfn', 'abbr', 'q', 'ruby', 'rp', 'rt', 'summary',
]);

export const TRANSPARENT = new Set(['a', 'ins', 'del']);

export const VOID = new Set(['br', 'hr', 'col']);

/** Where an element may appear: the parents it needs. Anywhere else it is demoted to div/span. */
export const NEEDS_PARENT: Record<string, readonly string[]> = {
  li: ['ul', 'ol'],
  dt: ['dl'],
  dd: ['dl'],
  tr: ['table', 'thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  caption: ['table'],
  colgroup: ['table'],
  col: ['colgroup'],
  summary: ['details'],
  figcaption: ['figure'],
  rp: ['ruby'],
  rt: ['ruby'],
};

/** Containers that accept only some children; other children are wrapped in `wrap`. */
export const CHILDREN: Record<string, { allowed: readonly string[]; wrap: string }> = {
  ul: { allowed: ['li'], wrap: 'li' },
  ol: { allowed: ['li'], wrap: 'li' },
  dl: { allowed: ['dt', 'dd'], wrap: 'dd' },
  table: { allowed: ['caption', 'colgroup', 'thead', 'tbody', 'tr', 'tfoot'], wrap: 'tbody' },
  thead: { allowed: ['tr'], wrap: 'tr' },
  tbody: { allowed: ['tr'], wrap: 'tr' },
  tfoot: { allowed: ['tr'], wrap: 'tr' },
  tr: { allowed: ['td', 'th'], wrap: 'td' },
  colgroup: { allowed: ['col'], wrap: '' },
};

const INT = /^-?\d{1,9}$/;
const POSITIVE = /^[1-9]\d{0,3}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** An absolute http(s) or mailto URL, normalized; undefined when it is not one. */
export function absoluteUrl(value: string): string | undefined {
  if (!/^(?:https?:\/\/|mailto:)/i.test(value.trim())) return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'mailto:') return url.href;
    return url.host ? url.href : undefined;
  } catch {
    return undefined;
  }
}

type Check = (value: string, element: string, parent: string) => string | undefined;

const keep: Check = (v) => v;
const url: Check = (v) => absoluteUrl(v);

/**
 * Attributes kept on each (output) element, with a check that returns the value to write or
 * undefined to set the attribute aside. `href` and `name` on `a` are handled by the converter.
 */
export const ATTRIBUTES: Record<string, Record<string, Check>> = {
  '*': {
    title: keep,
    dir: (v) => (['ltr', 'rtl', 'auto'].includes(v) ? v : undefined),
    lang: (v) => (LANG.test(v) ? v : undefined),
  },
  blockquote: { cite: url },
  q: { cite: url },
  del: { cite: url, datetime: (v) => (DATETIME.test(v) ? v : undefined) },
  ins: { cite: url, datetime: (v) => (DATETIME.test(v) ? v : undefined) },
  ol: {
    start: (v) => (INT.test(v) ? v : undefined),
    type: (v) => (['1', 'a', 'A', 'i', 'I'].includes(v) ? v : undefined),
    reversed: () => 'reversed',
  },
  li: { value: (v, _e, parent) => (parent === 'ol' && INT.test(v) ? v : undefined) },
  col: { span: (v) => (POSITIVE.test(v) ? v : undefined) },
  colgroup: { span: (v) => (POSITIVE.test(v) ? v : undefined) },
  td: { colspan: (v) => (POSITIVE.test(v) ? v : undefined), rowspan: (v) => (/^\d{1,4}$/.test(v) ? v : undefined) },
  th: {
    colspan: (v) => (POSITIVE.test(v) ? v : undefined),
    rowspan: (v) => (/^\d{1,4}$/.test(v) ? v : undefined),
    scope: (v) => (['row', 'col', 'rowgroup', 'colgroup'].includes(v) ? v : undefined),
    abbr: keep,
  },
  details: { open: () => 'open' },
};

/**
 * Whether a list of element names (stray content counted as `#`) is a valid `dl` body:
 * groups of one or more `dt` followed by one or more `dd`.
 */
export function validDl(names: readonly string[]): boolean {
  return /^(?:(?:dt,)+(?:dd,)+)*$/.test(names.map((n) => `${n},`).join(''));
}

/**
 * Whether a table's children (after stray runs become one `tbody` each) are in HTML's order:
 * caption, column groups, head, body rows or bodies (not both), foot.
 */
export function validTable(names: readonly string[]): boolean {
  return /^(?:caption,)?(?:colgroup,)*(?:thead,)?(?:(?:tbody,)*|(?:tr,)*)(?:tfoot,)?$/.test(names.map((n) => `${n},`).join(''));
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Elements that may not appear anywhere inside an element (HTML's "no … descendants" rules). */
export const BANS: Record<string, readonly string[]> = {
  address: ['address', ...HEADINGS],
  dt: HEADINGS,
  th: HEADINGS,
  caption: ['table'],
  a: ['a', 'details'],
  dfn: ['dfn'],
  ruby: ['ruby'],
};

/**
 * Whether a ruby's children follow HTML's model: runs of base text, each followed by `rt`s (or
 * `rp rt rp`), with `rp` holding only text. `kinds` are `P` (base text or phrasing), `T` (rt),
 * `R` (rp with only text), `X` (rp with elements).
 */
export function validRuby(kinds: readonly string[]): boolean {
  return /^(?:P+(?:T|RTR)+)+$/.test(kinds.join(''));
}

/** `align="center"` becomes class `align-center` (for the values CSS can show). */
export const ALIGN = new Set(['left', 'right', 'center', 'justify']);

/** Ids must be XML names (ASCII subset) to pass epubcheck. */
export const ID = /^[A-Za-z_][A-Za-z0-9_.-]{0,200}$/;
