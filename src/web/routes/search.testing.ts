import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { parseDocument } from 'htmlparser2';
import { findAll, findOne, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import type { WorkInput } from '../../works/work.types.ts';
import { parsePage } from '../testing.ts';

/** Test helpers for the search page and the filtered listings: a browser's GET form submission, counts, titles. */

export interface FormChanges {
  /** Boxes or radio buttons to tick, as [name, value]. */
  check?: readonly [string, string][];
  /** Boxes to untick, as [name, value]. */
  uncheck?: readonly [string, string][];
  /** Text, number, date, search fields and selects to set, by name (a select picks the option with that value). */
  set?: Readonly<Record<string, string>>;
}

const key = (name: string, value: string) => `${name}\u0000${value}`;

/**
 * What a browser without JavaScript sends when form `#id` of `body` is submitted by GET: every
 * successful control in document order (those inside the form without a `form` attribute, and
 * those anywhere with `form="id"`), ticked boxes and radios only, the selected options, empty
 * text fields included. Returns the URL (action + query). Fails when a change names no control.
 */
export function submitGetForm(body: string | LightMyRequestResponse, id: string, changes: FormChanges = {}): string {
  const doc = parseDocument(typeof body === 'string' ? body : body.body);
  const form = findOne((el) => el.name === 'form' && getAttributeValue(el, 'id') === id, doc.children);
  assert.ok(form, `a form with id ${id}`);
  assert.equal((getAttributeValue(form, 'method') ?? 'get').toLowerCase(), 'get', 'the form is a GET form');
  const inside = new Set(findAll(() => true, form.children));
  const owned = (el: Element) => {
    const attr = getAttributeValue(el, 'form');
    return attr !== undefined ? attr === id : inside.has(el);
  };
  const check = new Set((changes.check ?? []).map(([n, v]) => key(n, v)));
  const uncheck = new Set((changes.uncheck ?? []).map(([n, v]) => key(n, v)));
  const checkedNames = new Set((changes.check ?? []).map(([n]) => n));
  const used = new Set<string>();
  const params = new URLSearchParams();
  for (const el of findAll((e) => ['input', 'select', 'textarea'].includes(e.name) && owned(e), doc.children)) {
    const name = getAttributeValue(el, 'name');
    if (!name || el.attribs.disabled !== undefined) continue;
    if (el.name === 'select') {
      const options = findAll((e) => e.name === 'option', el.children);
      const valueOf = (o: Element) => getAttributeValue(o, 'value') ?? textContent(o);
      let chosen = options.filter((o) => o.attribs.selected !== undefined);
      if (changes.set && name in changes.set) {
        used.add(name);
        chosen = options.filter((o) => valueOf(o) === changes.set![name]);
        assert.equal(chosen.length, 1, `select ${name} has an option ${changes.set[name]}`);
      }
      if (chosen.length === 0 && el.attribs.multiple === undefined && options[0]) chosen = [options[0]];
      for (const o of chosen) params.append(name, valueOf(o));
      continue;
    }
    const type = (getAttributeValue(el, 'type') ?? 'text').toLowerCase();
    if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) continue;
    const value = getAttributeValue(el, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
    if (type === 'checkbox' || type === 'radio') {
      const k = key(name, value);
      let on = el.attribs.checked !== undefined;
      if (type === 'radio' && checkedNames.has(name)) on = false;
      if (check.has(k)) { on = true; used.add(k); }
      if (uncheck.has(k)) { on = false; used.add(k); }
      if (on) params.append(name, value);
      continue;
    }
    if (changes.set && name in changes.set && !used.has(name)) {
      used.add(name);
      params.append(name, changes.set[name]!);
    } else {
      params.append(name, el.name === 'textarea' ? textContent(el) : value);
    }
  }
  for (const k of [...check, ...uncheck]) assert.ok(used.has(k), `a box ${k.replace('\u0000', '=')} in the form`);
  for (const n of Object.keys(changes.set ?? {})) assert.ok(used.has(n), `a field ${n} in the form`);
  const action = getAttributeValue(form, 'action') ?? '';
  const qs = params.toString();
  return qs === '' ? action : `${action}?${qs}`;
}

/** The total a listing states: "1 – 20 of 1,234 works" → 1234, "3 works" → 3, "1 work" → 1. */
export function totalOf(body: string | LightMyRequestResponse): number {
  const page = parsePage(body);
  const count = page.text(page.all('p', 'listing-count')[0]);
  const m = /([\d,]+) works?$/.exec(count);
  assert.ok(m, `a listing count, got "${count}"`);
  return Number(m[1]!.replace(/,/g, ''));
}

/** The titles of the blurbs, in order. */
export function titlesOf(body: string | LightMyRequestResponse): string[] {
  const page = parsePage(body);
  return page.all('li', 'blurb').map((li) => page.linksIn(li)[0]!.name);
}

/**
 * The sidebar's boxes of one side ("include" or "exclude") and tag type: label (without the
 * count), the parameter and value it sends, the count in its label (null when none), checked.
 */
export function facetBoxes(body: string | LightMyRequestResponse, side: 'include' | 'exclude', type: string): { label: string; name: string; value: string; count: number | null; checked: boolean }[] {
  const page = parsePage(body);
  const inputs = page.all('input').filter((i) => (getAttributeValue(i, 'id') ?? '').startsWith(`${side}-${type}-`));
  const labels = page.all('label');
  return inputs.map((i) => {
    const label = labels.find((l) => getAttributeValue(l, 'for') === getAttributeValue(i, 'id'));
    const text = label ? page.text(label) : '';
    const m = /^(.*?)(?: \(([\d,]+)\))?$/.exec(text)!;
    return {
      label: m[1]!,
      name: getAttributeValue(i, 'name') ?? '',
      value: getAttributeValue(i, 'value') ?? '',
      count: m[2] === undefined ? null : Number(m[2].replace(/,/g, '')),
      checked: i.attribs.checked !== undefined,
    };
  });
}

/**
 * A small library with every kind of filter value, written for these tests: ratings, warnings,
 * categories, fandoms (one crossover), characters, relationships, tags, languages, lengths,
 * completion and dates.
 */
export function libraryInputs(): Partial<WorkInput>[] {
  const para = (s: string, times = 1) => `<p>${Array.from({ length: times }, () => s).join(' ')}</p>`;
  return [
    { title: 'Lantern Season', rating: 'General Audiences', fandoms: ['Harbour Tales'], characters: ['Ada', 'Wren'], relationships: ['Ada/Wren'], tags: ['Fluff', 'Slow Burn'], categories: ['F/F'], publishedOn: '2023-01-05', chapters: [{ html: para('The ferry came in late and the gulls complained about it.') }, { html: para('Ada lit the blue lantern at the end of the harbour wall.') }] },
    { title: 'Salt and Tar', rating: 'Teen And Up Audiences', fandoms: ['Harbour Tales'], characters: ['Ada'], tags: ['Angst'], categories: ['Gen'], publishedOn: '2023-03-10', complete: false, expectedChapters: 3, chapters: [{ html: para('Rope, tar and salt: the smell of the boatyard in winter.', 20) }] },
    { title: 'The Orchard Letters', rating: 'Mature', warnings: ['Major Character Death'], fandoms: ['Orchard Keepers'], characters: ['Brannock'], tags: ['Angst', 'Letters'], categories: ['M/M'], publishedOn: '2023-06-01', chapters: [{ html: para('Dear Brannock, the apples fell early this year and nobody came to gather them.', 40) }] },
    { title: 'Two Shores', rating: 'Explicit', fandoms: ['Harbour Tales', 'Orchard Keepers'], characters: ['Ada', 'Brannock'], tags: ['Crossover Fun'], categories: ['Multi'], publishedOn: '2023-09-09', chapters: [{ html: para('Two ferries passed each other in the fog without a sound.') }] },
    { title: 'Lettres du port', rating: 'General Audiences', fandoms: ['Harbour Tales'], characters: ['Wren'], tags: ['Fluff'], language: 'fr', categories: ['Gen'], publishedOn: '2024-02-14', chapters: [{ html: para('Le bateau rentrait tard et les mouettes se plaignaient.') }] },
    { title: 'Quiet Kettle', rating: 'Not Rated', warnings: ['Creator Chose Not To Use Archive Warnings'], fandoms: ['Orchard Keepers'], tags: ['Fluff'], categories: ['Other'], publishedOn: '2024-05-20', complete: false, chapters: [{ html: para('The kettle sang while the rain went on and on outside.', 5) }] },
  ];
}
