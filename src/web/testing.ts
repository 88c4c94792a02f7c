import type { TestContext } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import type { Archive } from '../archive.ts';
import { testArchive } from '../../test/factories.ts';
import { buildServer } from './server.ts';

/** Test helpers for the web edge: an app on a fresh archive, and a small HTML reader. */

/** A fresh in-memory archive and its app; both are closed when test `t` ends. */
export async function webApp(t: TestContext, overrides: Parameters<typeof testArchive>[0] = {}): Promise<{ archive: Archive; app: FastifyInstance }> {
  const archive = await testArchive(overrides);
  const app = await buildServer(archive);
  t.after(async () => {
    await app.close();
    await archive.close();
  });
  return { archive, app };
}

export interface ParsedPage {
  /** Elements by tag name, optionally only those carrying class `cls`. */
  all(tag: string, cls?: string): Element[];
  text(el?: Element): string;
  title(): string;
  /** hrefs of every link whose accessible name equals `label` (aria-hidden arrows left out). */
  linksNamed(label: string): string[];
  hrefs(): string[];
  /** The links inside `el`, with their accessible names. */
  linksIn(el: Element): { name: string; href: string }[];
}

/** Parses an HTML response body for structural assertions. */
export function parsePage(body: string | LightMyRequestResponse): ParsedPage {
  const doc = parseDocument(typeof body === 'string' ? body : body.body);
  const all = (tag: string, cls?: string) =>
    findAll((el) => el.name === tag && (!cls || (getAttributeValue(el, 'class') ?? '').split(/\s+/).includes(cls)), doc.children);
  const text = (el?: Element) => textContent(el ?? doc).replace(/\s+/g, ' ').trim();
  /** Text as a screen reader names it: without aria-hidden parts. */
  const name = (el: Element): string =>
    el.children
      .map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : 'name' in c && getAttributeValue(c as Element, 'aria-hidden') !== 'true' ? name(c as Element) : ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  return {
    all,
    text,
    title: () => text(all('title')[0]),
    linksNamed: (label) => all('a').filter((a) => name(a) === label).map((a) => getAttributeValue(a, 'href') ?? ''),
    linksIn: (el) => findAll((e) => e.name === 'a', el.children).map((a) => ({ name: name(a), href: getAttributeValue(a, 'href') ?? '' })),
    hrefs: () => all('a').map((a) => getAttributeValue(a, 'href') ?? ''),
  };
}
