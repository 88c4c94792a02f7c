import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { archiveOn, type Archive } from '../../src/archive.ts';
import { viewerOf } from '../../src/accounts/viewer.ts';
import { apiTokensFor } from '../../src/api/tokens.ts';
import { memoryStore } from '../../src/store/store.ts';
import { buildServer } from '../../src/web/server.ts';
import { Moderation } from '../../src/works/moderation.ts';
import { accountPseuds } from '../../src/works/posting.repository.ts';
import { OPERATOR, type Viewer } from '../../src/works/visibility.ts';
import type { WorkInput } from '../../src/works/work.types.ts';
import { buildWork, testConfig } from '../factories.ts';
import { Client } from './client.ts';

/** The people of the matrix. `coCreator` is a second creator of every matrix work; `blocked` is blocked by `creator`. */
export const VIEWERS = ['guest', 'reader', 'creator', 'coCreator', 'admin', 'blocked'] as const;
export type ViewerName = (typeof VIEWERS)[number];
export const STATES = ['posted', 'restricted', 'draft', 'hidden'] as const;
export type State = (typeof STATES)[number];

const USERNAMES: Record<Exclude<ViewerName, 'guest'>, string> = { reader: 'Reader', creator: 'Author', coCreator: 'Partner', admin: 'Warden', blocked: 'Pariah' };
/** A member outside the matrix who bookmarked, commented on and subscribed to every work while it was posted. */
export const KEEPER = 'Keeper';

/**
 * Issue 4's rule, written out on its own (not by calling canView): drafts to their creators
 * only; works hidden by an administrator to administrators and their creators; restricted
 * works not to guests. A co-creator is a creator; the blocked reader is a member.
 */
export function mayView(viewer: ViewerName, state: State): boolean {
  const owner = viewer === 'creator' || viewer === 'coCreator';
  switch (state) {
    case 'posted':
      return true;
    case 'restricted':
      return viewer !== 'guest';
    case 'draft':
      return owner;
    case 'hidden':
      return owner || viewer === 'admin';
  }
}

export const isOwner = (v: ViewerName): boolean => v === 'creator' || v === 'coCreator';
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The strings that belong to one state's work only: none may show up where that work is invisible. */
export function secretsOf(state: State): { title: string; fandom: string; tag: string; series: string; word: string; note: string; comment: string } {
  const c = cap(state);
  return {
    title: `The ${c} Lantern`,
    fandom: `Fandom Only ${c}`,
    tag: `Tag Only ${c}`,
    series: `Series Only ${c}`,
    word: `${state}glimmer`,
    note: `Keeper noted ${state}quill`,
    comment: `Reader remarked ${state}pebble`,
  };
}

export const SHARED = { fandom: 'Matrix Fandom', tag: 'Matrix Shared Tag', series: 'Matrix Series', base: 'The Base Lamp' } as const;

/** What a cell needs about one state's work. */
export interface MatrixWork {
  state: State;
  id: number;
  /** Chapter ids in order (the chapter edit routes name chapters by id). */
  chapterIds: number[];
  seriesId: number;
  /** Reader's comments, made while the work was posted: one to read, reply to and edit; one to freeze; one per viewer to delete. */
  comments: { main: number; freeze: number; remove: Record<ViewerName, number> };
  /** Keeper's public bookmark of it. */
  keeperBookmark: number;
  /** Keeper's subscription to it. */
  keeperSubscription: number;
}

export interface World {
  archive: Archive;
  app: FastifyInstance;
  clients: Record<ViewerName, Client>;
  /** The same people through the JSON API (a read-and-write personal access token each; the guest sends none). */
  api: Record<ViewerName, Client>;
  /** The same people through OPDS (HTTP Basic with an app password each; the guest sends none). */
  opds: Record<ViewerName, Client>;
  viewers: Record<Exclude<ViewerName, 'guest'>, Viewer>;
  accountIds: Record<Exclude<ViewerName, 'guest'>, number> & { keeper: number };
  usernames: typeof USERNAMES;
  works: Record<State, MatrixWork>;
  baseId: number;
  sharedSeriesId: number;
  /** A new work in `state`, with the matrix works' creators, for cells that change or delete what they touch. */
  freshWork(state: State, label: string): Promise<{ id: number; chapterIds: number[] }>;
}

/** The work of `state` as written; `initial`: still posted and open to all (before it takes its state). */
function input(state: State, opts: { extraChapter?: boolean; initial?: boolean } = {}): WorkInput {
  const s = secretsOf(state);
  const chapters = [
    { title: `Wick of ${s.word}`, html: `<p>The first lamp of the row was lit at dusk; ${s.word} rose from the glass.</p>` },
    { title: 'Second Flame', html: `<p>The second lamp burned blue until morning, and nobody said why ${s.word} lingered.</p>` },
  ];
  if (opts.extraChapter) chapters.push({ title: 'Third Flame', html: '<p>A third lamp was hung by the gate for the late ferry.</p>' });
  return buildWork({
    title: s.title,
    summary: `<p>A summary that mentions ${s.word}.</p>`,
    creators: [USERNAMES.creator, USERNAMES.coCreator],
    fandoms: [SHARED.fandom, s.fandom],
    tags: [SHARED.tag, s.tag],
    series: [{ title: SHARED.series }, { title: s.series }],
    chapters,
    restricted: !opts.initial && state === 'restricted',
    status: !opts.initial && state === 'draft' ? 'draft' : 'posted',
  });
}

/**
 * Builds the matrix's archive: six accounts signed up through the form (the administrator made
 * one by role), a public base work, and one work per state. Every member interacts with every
 * work while it is still posted (bookmark, mark for later, history, subscription; Reader
 * comments; Keeper bookmarks), a third chapter is added (subscribers get notices), and only then
 * does each work become restricted, a draft, or hidden, through the services.
 */
export async function buildWorld(t: TestContext): Promise<World> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-privacy-'));
  let now = Date.parse('2025-03-01T12:00:00Z');
  const config = { ...testConfig(), pageSize: 100, dataDir };
  const archive = archiveOn(config, await memoryStore(), { clock: () => new Date(now) });
  const app = await buildServer(archive);
  t.after(async () => {
    await app.close();
    await archive.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const clients = Object.fromEntries(VIEWERS.map((v) => [v, new Client(app, v)])) as Record<ViewerName, Client>;
  const keeperClient = new Client(app, 'keeper');
  for (const [v, username] of Object.entries(USERNAMES)) await clients[v as ViewerName].signUp(username);
  await keeperClient.signUp(KEEPER);
  await archive.accounts.setRole(USERNAMES.admin, 'admin');

  const tokens = apiTokensFor(archive.store.db);
  const api = { guest: new Client(app, 'guest', { header: undefined }) } as Record<ViewerName, Client>;
  const opds = { guest: new Client(app, 'guest', { header: undefined }) } as Record<ViewerName, Client>;
  for (const [v, username] of Object.entries(USERNAMES) as [Exclude<ViewerName, 'guest'>, string][]) {
    const account = (await archive.accounts.byUsername(username))!;
    const token = await tokens.createToken(account.id, { name: 'matrix script', scopes: ['read', 'write'] });
    api[v] = new Client(app, v, { header: `Bearer ${token.secret}` });
    const password = await tokens.createAppPassword(account.id, 'matrix reader');
    opds[v] = new Client(app, v, { header: `Basic ${Buffer.from(`${username}:${password.secret}`).toString('base64')}` });
  }

  const accountIds = {} as World['accountIds'];
  const viewers = {} as World['viewers'];
  for (const [v, username] of [...Object.entries(USERNAMES), ['keeper', KEEPER]] as [keyof World['accountIds'], string][]) {
    const account = (await archive.accounts.byUsername(username))!;
    accountIds[v] = account.id;
    if (v !== 'keeper') viewers[v] = viewerOf(account, (await accountPseuds(archive.store.db, account.id)).map((p) => p.id));
  }
  const keeper = viewerOf((await archive.accounts.byUsername(KEEPER))!, (await accountPseuds(archive.store.db, accountIds.keeper)).map((p) => p.id));
  const { interactions } = archive;
  await interactions.blocks.add(accountIds.creator, { username: USERNAMES.blocked });
  now += 8 * 24 * 3600 * 1000; // past the new-account comment limit

  const base = await archive.works.create(buildWork({ title: SHARED.base, creators: [USERNAMES.creator], fandoms: [SHARED.fandom], tags: [SHARED.tag], series: [{ title: SHARED.series }] }));
  const members = [viewers.reader, viewers.admin, viewers.blocked, viewers.creator, viewers.coCreator, keeper];
  const actor = (viewer: Viewer) => ({ viewer, ip: '192.0.2.10' });
  const works = {} as Record<State, MatrixWork>;
  for (const state of STATES) {
    const made = await archive.works.create(input(state, { initial: true }));
    const id = made.id;
    for (const m of members) {
      await interactions.bookmarks.save(m, id, { notes: secretsOf(state).note, tags: 'lamps', rec: false, private: false });
      await interactions.later.add(m, id);
      await interactions.history.record(m, id, null);
      await interactions.subscriptions.subscribe(m, 'work', id).catch(() => undefined);
      await interactions.kudos.give(actor(m), id).catch(() => undefined);
    }
    const text = secretsOf(state).comment;
    const main = (await interactions.comments.post(actor(viewers.reader), id, { text, chapterPosition: 1 })).id;
    const freeze = (await interactions.comments.post(actor(viewers.reader), id, { text, chapterPosition: 1 })).id;
    const remove = {} as Record<ViewerName, number>;
    for (const v of VIEWERS) remove[v] = (await interactions.comments.post(actor(viewers.reader), id, { text, chapterPosition: 2 })).id;
    now += 16 * 60 * 1000;
    const keeperBookmark = (await interactions.bookmarks.mine(accountIds.keeper, id))!.id;
    const keeperSubscription = await interactions.subscriptions.subscribe(keeper, 'work', id);
    works[state] = { state, id, chapterIds: [], seriesId: made.series.find((s) => s.title === secretsOf(state).series)!.id, comments: { main, freeze, remove }, keeperBookmark, keeperSubscription };
  }
  // A new chapter on every work while it is posted: each subscriber gets a notice naming it.
  for (const state of STATES) await archive.works.update(works[state].id, input(state, { initial: true, extraChapter: true }));
  // Then each work takes its state.
  const moderation = new Moderation(archive.works, () => new Date(now));
  for (const state of STATES) {
    const id = works[state].id;
    if (state !== 'posted') await archive.works.update(id, input(state, { extraChapter: true }));
    if (state === 'hidden') await moderation.hide(viewers.admin, id, 'matrix');
    works[state].chapterIds = (await archive.works.read(OPERATOR, id)).chapters.map((c) => c.id);
  }
  const sharedSeriesId = base.series[0]!.id;

  let fresh = 0;
  return {
    archive,
    app,
    clients,
    api,
    opds,
    viewers,
    accountIds,
    usernames: USERNAMES,
    works,
    baseId: base.id,
    sharedSeriesId,
    freshWork: async (state, label) => {
      fresh++;
      const w = await archive.works.create(buildWork({
        title: `Spare ${fresh} ${label}`,
        creators: [USERNAMES.creator, USERNAMES.coCreator],
        fandoms: ['Spare Fandom'],
        chapters: [{ html: '<p>A spare lamp for a spare shelf.</p>' }, { html: '<p>Another spare lamp for the shelf.</p>' }],
        restricted: state === 'restricted',
        status: state === 'draft' ? 'draft' : 'posted',
      }));
      if (state === 'hidden') await moderation.hide(viewers.admin, w.id, 'spare');
      return { id: w.id, chapterIds: (await archive.works.read(OPERATOR, w.id)).chapters.map((c) => c.id) };
    },
  };
}
