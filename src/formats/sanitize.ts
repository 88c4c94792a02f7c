import sanitizeHtml from 'sanitize-html';

/**
 * AO3's allowlist (REFERENCE §4). Everything a person typed as HTML passes through here before it
 * is stored, and the works service sanitizes again on every write, so no path skips it.
 * Bump SANITIZER_VERSION when the rules change: stored HTML can then be re-cleaned.
 */
export const SANITIZER_VERSION = 1;

const TAGS = [
  'a', 'abbr', 'acronym', 'address', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'details', 'figcaption', 'figure', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 'q', 'rp',
  'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: TAGS,
  allowedAttributes: {
    '*': ['align', 'dir', 'lang', 'title'],
    a: ['href', 'name'],
    img: ['src', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    ol: ['start', 'type', 'reversed'],
    ul: ['type'],
    li: ['value'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    td: ['colspan', 'rowspan', 'headers', 'scope'],
    th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
    table: ['summary', 'width'],
    details: ['open'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  nonTextTags: ['script', 'style', 'iframe', 'svg', 'math', 'noscript', 'textarea', 'option', 'template', 'object', 'embed'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => (attribs.href ? { tagName, attribs: { ...attribs, rel: 'nofollow' } } : { tagName, attribs }),
  },
  // rel is added by the transform above and must survive the attribute filter.
  allowedClasses: {},
};
(OPTIONS.allowedAttributes as Record<string, string[]>).a!.push('rel');

/** Cleans untrusted HTML to AO3's allowlist. `sanitize('<p onclick="x">hi</p>') === '<p>hi</p>'` */
export function sanitize(html: string): string {
  // C0 controls (but tab, newline and carriage return) and lone surrogates are never text.
  const clean = html.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').toWellFormed();
  return sanitizeHtml(clean, OPTIONS).trim();
}

/** The visible text of sanitized HTML, for counting and searching (tags dropped, entities decoded). */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/blockquote|\/tr|hr)[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m);
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntity(e: string): string | undefined {
  if (e[0] === '#') {
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED[e.toLowerCase()];
}
