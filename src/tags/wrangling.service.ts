import { sql } from 'kysely';
import { QuireError, notFound } from '../errors.ts';
import { logger } from '../log.ts';
import type { Db } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { OPERATOR, type Viewer } from '../works/visibility.ts';
import type { WorkEvents } from '../works/work.events.ts';
import { listAudit, writeAudit, type AuditAction, type AuditEntry } from './tag-audit.ts';
import { findTagByName, findTagsByIds } from './tag.repository.ts';
import type { Tag } from './tag.types.ts';
import * as ops from './wrangling.ops.ts';
import { rewrangleIn } from './wrangle.ts';
import { visibleToWrangler } from './wrangling.visibility.ts';

const log = logger('tags');

/** What a wrangler can do to many tags at once from a queue. */
export const BULK_ACTIONS = ['canonical', 'synonym', 'parent', 'unwrangleable'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Tag wranglers, administrators and the operator (CLI) may wrangle; nobody else. */
export function mayWrangle(viewer: Viewer): boolean {
  return viewer.kind === 'operator' || (viewer.kind === 'member' && (viewer.admin === true || viewer.role === 'admin' || viewer.role === 'wrangler'));
}

/** `forbidden` unless the viewer may wrangle. */
export function requireWrangler(viewer: Viewer): void {
  if (!mayWrangle(viewer)) throw new QuireError('forbidden', 'Only tag wranglers and administrators may wrangle tags.');
}

/** How the audit log names the actor: the username, or `cli` for the operator. */
export function actorName(viewer: Viewer): string {
  if (viewer.kind === 'operator') return 'cli';
  return viewer.username ?? `account ${viewer.accountId ?? '?'}`;
}

type Audit = (action: AuditAction, tag: Pick<Tag, 'id' | 'name'>, details?: Record<string, unknown>) => Promise<void>;

/**
 * Tag wrangling (REFERENCE §2, docs/wrangling.md) for the web pages and `quire tags`. Every call
 * checks the viewer's role, runs in one transaction that changes the tags, recomputes the filter
 * tags of every affected work, rewrites their full-text rows and writes the audit log; after the
 * commit the search engine reloads those works, so filters and counts agree at once.
 */
export class WranglingService {
  constructor(private readonly store: Store, private readonly events: WorkEvents, private readonly clock: () => Date = () => new Date()) {}

  /**
   * The one path every change takes. `focus`: the tags whose works' filter tags may change (or a
   * function finding them inside the transaction).
   * Returns the ids of the works whose filter tags were recomputed.
   */
  async run(viewer: Viewer, focus: readonly number[] | ((trx: Db) => Promise<number[]>), change: (trx: Db, audit: Audit) => Promise<void>): Promise<number[]> {
    requireWrangler(viewer);
    const at = this.clock();
    const actor = actorName(viewer);
    const actorId = viewer.kind === 'member' ? (viewer.accountId ?? null) : null;
    const affected = await this.store.db.transaction().execute(async (trx) => {
      // One wrangling change at a time across processes (PostgreSQL): two merges or metatag links
      // checked against each other's uncommitted state could chain synonyms or make cycles.
      // SQLite already has one writer, and a process runs one transaction at a time.
      if (this.store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('quire.wrangling.' || current_schema()))`.execute(trx);
      const audit: Audit = (action, tag, details) => writeAudit(trx, { actor, actorId, action, tagId: tag.id, tagName: tag.name, details, at });
      return rewrangleIn(trx, this.events, typeof focus === 'function' ? await focus(trx) : focus, () => change(trx, audit));
    });
    await this.events.changed(affected);
    log.info({ actor, works: affected.length }, 'tags wrangled');
    return affected;
  }

  /**
   * `not_found`, worded as for a tag that does not exist, unless `viewer` may see every one of
   * `ids` (wrangling.visibility.ts: not a tag only drafts or hidden works carry).
   */
  private async visible(viewer: Viewer, ids: readonly (number | undefined)[]): Promise<void> {
    requireWrangler(viewer);
    const list = ids.filter((id): id is number => id !== undefined);
    const seen = await visibleToWrangler(this.store.db, viewer, list);
    const hidden = list.find((id) => !seen.has(id));
    if (hidden !== undefined) throw notFound('tag', hidden);
  }

  /** Tag `id` as `viewer` may open it on the wrangling pages; `not_found` otherwise. */
  async tag(viewer: Viewer, id: number): Promise<Tag> {
    await this.visible(viewer, [id]);
    const [tag] = await findTagsByIds(this.store.db, [id]);
    if (!tag) throw notFound('tag', id);
    return tag;
  }

  /** The tag named `name` (any spelling that folds the same) that `viewer` may see; `not_found` otherwise. */
  async byName(name: string, viewer: Viewer = OPERATOR): Promise<Tag> {
    requireWrangler(viewer);
    const tag = await findTagByName(this.store.db, name);
    const missing = () => new QuireError('not_found', `there is no tag "${name.slice(0, 150)}"`);
    if (!tag) throw missing();
    if (!(await visibleToWrangler(this.store.db, viewer, [tag.id])).has(tag.id)) throw missing();
    return tag;
  }

  async canonical(viewer: Viewer, tagId: number): Promise<number[]> {
    await this.visible(viewer, [tagId]);
    return this.run(viewer, [tagId], async (trx, audit) => audit('canonical', await ops.canonicalIn(trx, tagId)));
  }

  /** Merges `tagId` into `canonicalId` as its synonym (see `synonymIn`). */
  async synonym(viewer: Viewer, tagId: number, canonicalId: number): Promise<number[]> {
    await this.visible(viewer, [tagId, canonicalId]);
    // The canonical tag's works change only when links move to it from the merged tag.
    const focus = async (trx: Db) => {
      const links = await trx.selectFrom('tag_links').select('tag_id').where((eb) => eb.or([eb('tag_id', '=', tagId), eb('parent_id', '=', tagId)])).limit(1).execute();
      return links.length > 0 ? [tagId, canonicalId] : [tagId];
    };
    return this.run(viewer, focus, async (trx, audit) => {
      const { tag, target } = await ops.synonymIn(trx, tagId, canonicalId);
      await audit('synonym', tag, { of: target.name, ofId: target.id });
    });
  }

  async unwrangleable(viewer: Viewer, tagId: number): Promise<number[]> {
    await this.visible(viewer, [tagId]);
    return this.run(viewer, [tagId], async (trx, audit) => audit('unwrangleable', await ops.unwrangleableIn(trx, tagId)));
  }

  async rename(viewer: Viewer, tagId: number, name: string): Promise<number[]> {
    await this.visible(viewer, [tagId]);
    return this.run(viewer, [tagId], async (trx, audit) => {
      const { tag, name: to } = await ops.renameIn(trx, tagId, name);
      await audit('rename', { id: tag.id, name: to }, { from: tag.name, to });
    });
  }

  async addMetatag(viewer: Viewer, subId: number, metaId: number): Promise<number[]> {
    await this.visible(viewer, [subId, metaId]);
    return this.run(viewer, [subId], async (trx, audit) => {
      const { sub, meta } = await ops.addMetaIn(trx, subId, metaId);
      await audit('add_metatag', sub, { metatag: meta.name, metatagId: meta.id });
    });
  }

  async removeMetatag(viewer: Viewer, subId: number, metaId: number): Promise<number[]> {
    await this.visible(viewer, [subId, metaId]);
    return this.run(viewer, [subId], async (trx, audit) => {
      const { sub, meta } = await ops.removeMetaIn(trx, subId, metaId);
      await audit('remove_metatag', sub, { metatag: meta.name, metatagId: meta.id });
    });
  }

  async addParentFandom(viewer: Viewer, tagId: number, fandomId: number): Promise<number[]> {
    await this.visible(viewer, [tagId, fandomId]);
    return this.run(viewer, [], async (trx, audit) => {
      const { tag, fandom } = await ops.addParentIn(trx, tagId, fandomId);
      await audit('add_parent', tag, { fandom: fandom.name, fandomId: fandom.id });
    });
  }

  async removeParentFandom(viewer: Viewer, tagId: number, fandomId: number): Promise<number[]> {
    await this.visible(viewer, [tagId, fandomId]);
    return this.run(viewer, [], async (trx, audit) => {
      const { tag, fandom } = await ops.removeParentIn(trx, tagId, fandomId);
      await audit('remove_parent', tag, { fandom: fandom.name, fandomId: fandom.id });
    });
  }

  /**
   * One action on many tags, all or nothing: make canonical, make synonyms of `targetId`, add the
   * parent fandom `targetId`, or mark unwrangleable. One audit row per tag.
   */
  async bulk(viewer: Viewer, action: BulkAction, tagIds: readonly number[], targetId?: number): Promise<number[]> {
    // Picking the target itself among the tags of a merge is harmless: it becomes the canonical one.
    const ids = [...new Set(tagIds)].filter((id) => action !== 'synonym' || id !== targetId);
    if (ids.length === 0) throw new QuireError('validation_failed', 'tags: choose at least one tag');
    if ((action === 'synonym' || action === 'parent') && targetId === undefined) {
      throw new QuireError('validation_failed', `target: name the ${action === 'synonym' ? 'canonical tag' : 'parent fandom'}`);
    }
    await this.visible(viewer, [...ids, targetId]);
    const focus = action === 'parent' ? [] : action === 'synonym' ? [...ids, targetId!] : ids;
    return this.run(viewer, focus, async (trx, audit) => {
      for (const id of ids) {
        if (action === 'canonical') await audit('canonical', await ops.canonicalIn(trx, id), { bulk: true });
        else if (action === 'unwrangleable') await audit('unwrangleable', await ops.unwrangleableIn(trx, id), { bulk: true });
        else if (action === 'synonym') {
          const { tag, target } = await ops.synonymIn(trx, id, targetId!);
          await audit('synonym', tag, { of: target.name, ofId: target.id, bulk: true });
        } else {
          const { tag, fandom } = await ops.addParentIn(trx, id, targetId!);
          await audit('add_parent', tag, { fandom: fandom.name, fandomId: fandom.id, bulk: true });
        }
      }
    });
  }

  /** The audit log, newest first; wranglers and administrators only. */
  async audit(viewer: Viewer, opts: { tagId?: number; limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
    requireWrangler(viewer);
    return listAudit(this.store.db, opts);
  }
}
