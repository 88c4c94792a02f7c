/**
 * A tagged template for markup that is both well-formed XML (for EPUB's XHTML, OPF, NCX, SVG)
 * and valid HTML (for the single-file download). Values are escaped unless wrapped in `trusted()`;
 * characters XML 1.0 forbids (most control characters, lone surrogates) are dropped.
 */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type MarkupValue = Markup | string | number | boolean | null | undefined | readonly MarkupValue[];

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes characters that may not appear in an XML 1.0 document. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content or a double-quoted attribute: `escapeXml('a<b') === 'a&lt;b'`. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escapes text content only (`&`, `<`, `>`), for large bodies of text. */
export function escapeText(text: string): string {
  return xmlChars(text).replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

/** Marks markup that is already well-formed (converted chapter XHTML, another `x` result). */
export function trusted(markup: string): Markup {
  return new Markup(markup);
}

function render(value: MarkupValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeXml(String(value));
}

/** `x\`<dc:title>${title}</dc:title>\`` with `title` escaped. */
export function x(strings: TemplateStringsArray, ...values: MarkupValue[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Markup(out);
}
