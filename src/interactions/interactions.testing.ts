import type { TestContext } from 'node:test';
import { pseudIdsOf } from '../accounts/account.repository.ts';
import { viewerOf } from '../accounts/viewer.ts';
import { archiveOn, type Archive } from '../archive.ts';
import { memoryStore } from '../store/store.ts';
import type { Viewer } from '../works/visibility.ts';
import type { Work, WorkInput } from '../works/work.types.ts';
import { buildWork, testConfig } from '../../test/factories.ts';
import type { Actor } from './context.ts';

/** Test helpers for the reader's features: an archive with a movable clock, members, works, actors. */
export interface ReaderHarness {
  archive: Archive;
  /** Moves the clock forward. */
  advance(ms: number): void;
  now(): Date;
  /** Makes an account (its first pen name is the username) and returns its viewer. */
  member(username: string): Promise<Viewer>;
  /** The viewer of an existing account, with its current pen names. */
  viewer(username: string): Promise<Viewer>;
  /** Creates a work; `creators` defaults to a pen name nobody owns. */
  work(overrides?: Partial<WorkInput>): Promise<Work>;
}

/** A fresh in-memory archive (clock starting 2025-03-01 12:00 UTC); closed when `t` ends. */
export async function readerArchive(t: TestContext): Promise<ReaderHarness> {
  let now = Date.parse('2025-03-01T12:00:00Z');
  const archive = archiveOn(testConfig(), await memoryStore(), { clock: () => new Date(now) });
  t.after(() => archive.close());
  const viewer = async (username: string): Promise<Viewer> => {
    const account = await archive.accounts.byUsername(username);
    if (!account) throw new Error(`no account ${username}`);
    return viewerOf(account, await pseudIdsOf(archive.store.db, account.id));
  };
  return {
    archive,
    advance: (ms) => {
      now += ms;
    },
    now: () => new Date(now),
    member: async (username) => {
      await archive.accounts.create({ username, email: `${username.toLowerCase()}@example.org`, password: 'a quiet lantern' });
      return viewer(username);
    },
    viewer,
    work: (overrides = {}) => archive.works.create(buildWork(overrides)),
  };
}

/** An actor from a viewer and an address. */
export function actor(viewer: Viewer, ip = '198.51.100.1'): Actor {
  return { viewer, ip };
}
