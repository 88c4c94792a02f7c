import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { archiveOn, type Archive } from '../../src/archive.ts';
import { memoryStore } from '../../src/store/store.ts';
import { buildServer } from '../../src/web/server.ts';
import { multipart, workForm, workIdFrom } from '../../src/web/routes/post.testing.ts';
import { csrfTokenIn } from '../../src/web/routes/account.testing.ts';
import { testConfig } from '../factories.ts';
import { Client } from '../privacy/client.ts';
import { ATTACKS } from './corpus.ts';

/** One page to check, fetched by `as` (the member who can see it, or a guest). */
export interface Target {
  url: string;
  as: 'guest' | 'scribe' | 'visitor';
  /** The answer kind: an HTML page, an Atom feed, or JSON. */
  kind: 'html' | 'atom' | 'json';
}

/** Pages whose answer came from a form that refused its input (422): the typed values are shown again. */
export interface Echo {
  what: string;
  status: number;
  body: string;
}

export interface XssWorld {
  archive: Archive;
  app: FastifyInstance;
  clients: Record<Target['as'], Client>;
  targets: Target[];
  echoes: Echo[];
  /** Works posted, one per attack. */
  workIds: number[];
  dataDir: string;
  close(): Promise<void>;
}

const at = (i: number) => ATTACKS[((i % ATTACKS.length) + ATTACKS.length) % ATTACKS.length]!.text;
const PROSE = 'The lamps burned on along the quay until the ferry came in. ';
/** A tag field's value: the attack with `kind` before each comma-separated piece (tag names are unique across kinds). */
const tagsOf = (kind: string, text: string) => text.split(',').map((piece) => `${kind} ${piece}`).join(',');

/**
 * An archive with every attack string pushed through every input: the work form (title, summary,
 * notes, end notes, chapter title, chapter text as HTML and as plain text, the four kinds of
 * tags, the series title), comments (members' and guests', with the guest's name), bookmarks
 * (notes and tags), pen names, sign-up (username and e-mail), hide filters, uploads of .txt, .md
 * and .html files, and query strings (search, bookmark search, return_to, tag and creator URLs).
 * Work `i` gets attack `i` in its title and the next ones in its other fields, so every attack
 * reaches every field across the works. Returns the pages where each shows up.
 */
export async function seedXss(): Promise<XssWorld> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-xss-'));
  let now = Date.parse('2025-03-01T12:00:00Z');
  const archive = archiveOn({ ...testConfig(), pageSize: 200, dataDir }, await memoryStore(), { clock: () => new Date(now) });
  const app = await buildServer(archive);
  const clients = { guest: new Client(app, 'guest'), scribe: new Client(app, 'scribe'), visitor: new Client(app, 'visitor') };
  await clients.scribe.signUp('Scribe');
  await clients.visitor.signUp('Visitor');
  now += 8 * 24 * 3600 * 1000;
  const scribe = (await archive.accounts.byUsername('Scribe'))!;
  const pseud = String(scribe.defaultPseudId);
  const echoes: Echo[] = [];
  const targets: Target[] = [];
  const add = (as: Target['as'], url: string, kind: Target['kind'] = 'html') => targets.push({ as, url, kind });

  const workIds: number[] = [];
  for (let i = 0; i < ATTACKS.length; i++) {
    const fields = workForm(pseud, {
      title: at(i),
      summary: at(i + 1),
      notes: at(i + 2),
      end_notes: at(i + 3),
      chapter_title: at(i + 4),
      text_format: i % 2 === 0 ? 'html' : 'text',
      chapter_text: `${PROSE}${at(i + 5)}`,
      fandoms: tagsOf('F', at(i + 6)),
      relationships: tagsOf('R', at(i + 7)),
      characters: tagsOf('C', at(i + 8)),
      tags: tagsOf('A', at(i + 9)),
      series_id: 'new',
      series_title: at(i + 10),
    });
    const res = await clients.scribe.post('/works/new', fields);
    if (res.statusCode !== 303) {
      echoes.push({ what: `work form with attack ${i + 1}`, status: res.statusCode, body: res.body });
      continue;
    }
    const id = workIdFrom(res);
    workIds.push(id);
    // A second chapter in the other format, so each attack is read both as HTML and as plain text.
    await clients.scribe.post(`/works/${id}/chapters/new`, { chapter_title: at(i + 11), text_format: i % 2 === 0 ? 'text' : 'html', chapter_text: `${PROSE}${at(i + 12)}`, summary: at(i + 13), notes: at(i + 14), end_notes: at(i + 15), action: 'post' });
    now += 1000;
  }

  // Comments (members and guests, the guest's name too) and bookmarks (notes and tags).
  for (const [i, id] of workIds.entries()) {
    await clients.visitor.post(`/works/${id}/comments`, { comment: `${PROSE}${at(i + 16)}`, name: '', email: '', chapter: '1', parent_id: '', back: '' });
    await clients.guest.post(`/works/${id}/comments`, { comment: `${PROSE}${at(i + 17)}`, name: at(i + 18).slice(0, 100), email: 'guest@example.org', chapter: '1', parent_id: '', back: '' });
    await clients.visitor.post(`/works/${id}/bookmark`, { notes: at(i + 19), tags: at(i + 20), back: '' });
    now += 16 * 60 * 1000;
  }
  // A comment of nothing but an attack is refused and shown again.
  for (let i = 0; i < ATTACKS.length; i += 7) {
    const res = await clients.visitor.post(`/works/${workIds[0]}/comments`, { comment: at(i), name: '', email: '', chapter: '', parent_id: '', back: '' });
    if (res.statusCode !== 303) echoes.push({ what: `comment form with attack ${i + 1}`, status: res.statusCode, body: res.body });
  }

  // Forms that refuse an attack show it back: pen names, sign-up, hide filters.
  for (let i = 0; i < ATTACKS.length; i++) {
    const pen = await clients.scribe.post('/account/pseuds', { name: at(i) });
    echoes.push({ what: `pen name form with attack ${i + 1}`, status: pen.statusCode, body: pen.body });
    const signup = await clients.guest.post('/signup', { username: at(i).slice(0, 40), email: `${at(i + 1)}@example.org`, password: 'a quiet lantern', password_confirm: 'a quiet lantern' });
    echoes.push({ what: `sign-up form with attack ${i + 1}`, status: signup.statusCode, body: signup.body });
    if (i % 4 === 0) {
      const filters = await clients.visitor.post('/filters', { fandoms: at(i), relationships: at(i + 1), characters: at(i + 2), tags: at(i + 3), creators: at(i + 4), words_min: at(i + 5), words_max: '', languages: at(i + 6) });
      echoes.push({ what: `filter form with attack ${i + 1}`, status: filters.statusCode, body: filters.body });
    }
  }

  // Uploads: every attack in one file of each kind.
  const all = ATTACKS.map((a) => a.text);
  const files = [
    { name: 'lamps.txt', content: `The Quay Lamps\n\n${PROSE}\n\n${all.join('\n\n')}` },
    { name: 'lamps.md', content: `# The Quay Lamps\n\n${PROSE}\n\n${all.join('\n\n')}` },
    { name: 'lamps.html', content: `<html><head><title>${all[0]}</title></head><body><h1>${all[1]}</h1><p>${PROSE}</p>${all.map((a) => `<p>${a}</p>`).join('\n')}<p>${PROSE}</p></body></html>` },
  ];
  for (const file of files) {
    const page = await clients.scribe.get('/works/upload');
    const { contentType, body } = multipart({ _csrf: csrfTokenIn(page.body, '/works/upload'), pseud }, file);
    const res = await clients.scribe.send('/works/upload', contentType, body);
    if (res.statusCode === 303) add('scribe', String(res.headers.location));
    else echoes.push({ what: `upload of ${file.name}`, status: res.statusCode, body: res.body });
  }

  // Where it all shows up.
  for (const id of workIds) {
    add('guest', `/works/${id}?view=full`);
    add('scribe', `/works/${id}/edit`);
    add('scribe', `/works/${id}/edit?suggest=1`); // suggestions quote the chapter text as evidence
    add('guest', `/works/${id}/download.html`);
    add('guest', `/works/${id}/feed.atom`, 'atom');
  }
  for (const id of workIds.slice(0, 12)) add('scribe', `/works/${id}/chapters/manage`);
  const works = await archive.works.list({ kind: 'operator', admin: true }, { pageSize: 200 });
  const series = new Set(works.items.flatMap((w) => w.series.map((s) => s.id)));
  for (const s of [...series].slice(0, 40)) add('guest', `/series/${s}`);
  const tags = works.items.flatMap((w) => [...w.fandoms, ...w.tags]).slice(0, 40);
  for (const tag of tags) {
    add('guest', `/tags/${encodeURIComponent(tag)}`);
    add('guest', `/tags/${encodeURIComponent(tag)}/feed.atom`, 'atom');
  }
  for (const url of ['/', '/works', '/fandoms', '/search?q=lamps', '/search?q=ferry&sort=updated', '/creators/Scribe', '/users/Visitor/bookmarks']) add('guest', url);
  for (const url of ['/inbox', '/account/drafts', '/account', '/works/new', '/filters']) add(url === '/filters' ? 'visitor' : 'scribe', url);
  add('visitor', '/later');
  add('visitor', '/history');
  add('visitor', '/subscriptions');
  add('guest', '/search/feed.atom?q=lamps', 'atom');
  // Reflected: query strings and URL segments.
  for (let i = 0; i < ATTACKS.length; i++) {
    const q = encodeURIComponent(at(i));
    add('guest', `/search?q=${q}`);
    add('guest', `/users/Visitor/bookmarks?q=${encodeURIComponent(at(i).slice(0, 200))}`);
    if (i % 3 === 0) {
      add('guest', `/tags/${q}`);
      add('guest', `/creators/${q}`);
      add('guest', `/login?return_to=${q}`);
      add('guest', `/search?tag=${q}&exclude=${q}&fandom=${q}`);
      add('guest', `/tags/autocomplete?type=additional&q=${q}`, 'json');
    }
  }
  return {
    archive,
    app,
    clients,
    targets,
    echoes,
    workIds,
    dataDir,
    close: async () => {
      await app.close();
      await archive.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
