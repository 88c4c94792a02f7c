import { el, text, xmlDocument, type XmlElement, type XmlNode } from './xml.ts';

/**
 * Atom (RFC 4287) as data, and its one renderer. The Atom feeds and the OPDS catalog (which is
 * Atom with a profile) both build an `AtomFeed` and call `renderAtom`; OPDS adds its elements
 * through `extra` and its namespaces through `namespaces`.
 */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ATOM_TYPE = 'application/atom+xml';

export interface AtomLink {
  rel?: string;
  href: string;
  type?: string;
  title?: string;
}

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomCategory {
  term: string;
  scheme?: string;
  label?: string;
}

export interface AtomText {
  type: 'text' | 'html';
  value: string;
}

export interface AtomEntry {
  /** A permanent, unique IRI (Quire uses `urn:uuid:` UUIDs derived from the thing's URL). */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  published?: string;
  /** At least one (RFC 4287 §4.1.2), unless the feed has authors. */
  authors: AtomPerson[];
  links: AtomLink[];
  summary?: AtomText;
  content?: AtomText;
  categories: AtomCategory[];
  /** Elements of other namespaces, e.g. `dc:language`. */
  extra?: XmlElement[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  links: AtomLink[];
  authors?: AtomPerson[];
  entries: AtomEntry[];
  /** Elements of other namespaces after the feed's own (e.g. `opensearch:totalResults`). */
  extra?: XmlElement[];
}

/** A `YYYY-MM-DD` day as an RFC 3339 date-time at midnight UTC. */
export function dayTime(day: string): string {
  return `${day}T00:00:00Z`;
}

/** The latest of RFC 3339 date-times (they compare as strings in this form), or `fallback`. */
export function latest(times: readonly string[], fallback: string): string {
  return times.reduce((a, b) => (b > a ? b : a), times[0] ?? fallback);
}

function link(l: AtomLink): XmlElement {
  return el('link', { rel: l.rel, href: l.href, type: l.type, title: l.title });
}

function person(kind: 'author', p: AtomPerson): XmlElement {
  return el(kind, {}, [text('name', p.name), p.uri ? text('uri', p.uri) : undefined]);
}

function textConstruct(name: string, t: AtomText | undefined): XmlNode {
  return t && text(name, t.value, { type: t.type });
}

function entry(e: AtomEntry): XmlElement {
  return el('entry', {}, [
    text('id', e.id),
    text('title', e.title),
    text('updated', e.updated),
    e.published ? text('published', e.published) : undefined,
    ...e.authors.map((a) => person('author', a)),
    ...e.links.map(link),
    ...e.categories.map((c) => el('category', { term: c.term, scheme: c.scheme, label: c.label })),
    textConstruct('summary', e.summary),
    textConstruct('content', e.content),
    ...(e.extra ?? []),
  ]);
}

/**
 * The feed as an XML document. `namespaces` maps prefixes to URIs (`{ dc: 'http://purl.org/dc/terms/' }`).
 *
 * @example renderAtom({ id: 'urn:uuid:…', title: 'New works', updated: '2025-01-01T00:00:00Z', links: [], entries: [] })
 */
export function renderAtom(feed: AtomFeed, namespaces: Record<string, string> = {}): string {
  const attrs: Record<string, string> = { xmlns: ATOM_NS };
  for (const [prefix, uri] of Object.entries(namespaces)) attrs[`xmlns:${prefix}`] = uri;
  return xmlDocument(
    el('feed', attrs, [
      text('id', feed.id),
      text('title', feed.title),
      feed.subtitle ? text('subtitle', feed.subtitle) : undefined,
      text('updated', feed.updated),
      ...(feed.authors ?? []).map((a) => person('author', a)),
      text('generator', 'Quire'),
      ...feed.links.map(link),
      ...(feed.extra ?? []),
      ...feed.entries.map(entry),
    ]),
  );
}
