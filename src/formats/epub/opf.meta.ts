import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import type { SeriesInput } from '../../works/work.types.ts';
import { localName, type Book } from './epub.book.ts';
import { QUIRE_PREFIX_IRI } from './epub.package.ts';

/**
 * The package metadata of any EPUB, read into plain values: Dublin Core elements with their
 * EPUB 3 refinements (or EPUB 2 `opf:` attributes), EPUB 3 and calibre series, and the `quire:`
 * properties of a Quire-made book.
 */

export interface DcValue {
  value: string;
  /** Refinements by property (`role`, `group-position`, `quire:tag-type`) and EPUB 2 attributes (`opf:role`). */
  refines: Map<string, string>;
}

export interface OpfMeta {
  titles: DcValue[];
  creators: DcValue[];
  languages: string[];
  descriptions: string[];
  subjects: DcValue[];
  dates: DcValue[];
  series: SeriesInput[];
  /** `meta property="…"` values without `refines` (prefix as written). */
  properties: Map<string, string>;
  /** The prefix this book binds to Quire's vocabulary, if any. */
  quirePrefix?: string;
}

const text = (el: Element) => textContent(el).replace(/\s+/g, ' ').trim();

/** `prefix="a: http://x b: http://y"` → Map a → http://x. */
function prefixes(attr: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const parts = (attr ?? '').trim().split(/\s+/);
  for (let i = 0; i + 1 < parts.length; i += 2) out.set(parts[i]!.replace(/:$/, ''), parts[i + 1]!);
  return out;
}

/** Reads the metadata of an opened book. */
export function readOpfMeta(book: Book): OpfMeta {
  const refinements = new Map<string, Map<string, string>>();
  const properties = new Map<string, string>();
  const named = new Map<string, string>();
  for (const el of book.metadata) {
    if (localName(el.name) !== 'meta') continue;
    const { refines, property, name, content } = el.attribs;
    if (property && refines) {
      const id = refines.replace(/^#/, '');
      if (!refinements.has(id)) refinements.set(id, new Map());
      const map = refinements.get(id)!;
      if (!map.has(property)) map.set(property, text(el));
    } else if (property) {
      if (!properties.has(property)) properties.set(property, text(el));
    } else if (name && content !== undefined && !named.has(name)) named.set(name, content.trim());
  }
  const dc = (local: string): DcValue[] =>
    book.metadata
      .filter((el) => localName(el.name) === local)
      .map((el) => {
        const refines = new Map(refinements.get(el.attribs.id ?? '') ?? []);
        for (const [k, v] of Object.entries(el.attribs)) if (k.startsWith('opf:')) refines.set(k.slice(4), v);
        return { value: text(el), refines };
      })
      .filter((v) => v.value !== '');

  const series: SeriesInput[] = [];
  for (const el of book.metadata) {
    if (localName(el.name) !== 'meta' || el.attribs.property !== 'belongs-to-collection') continue;
    const refined = refinements.get(el.attribs.id ?? '') ?? new Map<string, string>();
    const type = refined.get('collection-type');
    if (type !== undefined && type !== 'series') continue;
    const title = text(el);
    const position = Number(refined.get('group-position'));
    if (title) series.push(Number.isInteger(position) && position >= 1 ? { title, position } : { title });
  }
  const calibre = named.get('calibre:series');
  if (series.length === 0 && calibre) {
    const position = Number(named.get('calibre:series_index'));
    series.push(Number.isInteger(position) && position >= 1 ? { title: calibre, position } : { title: calibre });
  }

  const quirePrefix = [...prefixes(book.packageAttributes.prefix)].find(([, iri]) => iri === QUIRE_PREFIX_IRI)?.[0];
  return {
    titles: dc('title'),
    creators: dc('creator'),
    languages: dc('language').map((v) => v.value),
    descriptions: book.metadata.filter((el) => localName(el.name) === 'description').map((el) => textContent(el).trim()).filter(Boolean),
    subjects: dc('subject'),
    dates: dc('date'),
    series,
    properties,
    quirePrefix,
  };
}
