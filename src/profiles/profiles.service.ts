import { invalid } from '../errors.ts';
import { logger } from '../log.ts';
import type { Db } from '../store/schema.ts';
import { foldName, type TagType } from '../tags/tag.types.ts';
import type { Creator } from '../works/work.types.ts';
import { parseStoredRules, serializeRules } from './rules.stored.ts';
import { emptyRules, isEmptyRules, normalizeRules, ruleIssues, type FilterRules } from './rules.ts';

const log = logger('profiles');

/** The profile every account has for now; the table is keyed by name too, for named profiles later. */
export const DEFAULT_PROFILE = 'default';

const CHUNK = 500;

async function chunked<T, R>(items: readonly T[], fn: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}

/**
 * Members' saved "never show me" filters (docs/filter-profiles.md): one profile per account,
 * kept as versioned JSON in `filter_profiles`. Also the look-ups the filters form needs: pen
 * names by name and by id, tags' kinds. Guests' rules live in a cookie instead (web edge).
 */
export class FilterProfiles {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The account's rules (empty when it saved none). A document that no longer reads (corrupt, or
   * written by a newer Quire) is logged and treated as empty: listings must never fail over it.
   */
  async get(accountId: number): Promise<FilterRules> {
    const row = await this.db.selectFrom('filter_profiles').select('rules').where('account_id', '=', accountId).where('name', '=', DEFAULT_PROFILE).executeTakeFirst();
    if (!row) return emptyRules();
    try {
      return parseStoredRules(row.rules);
    } catch (err) {
      log.warn({ accountId, err: (err as Error).message }, 'saved filter rules do not load; ignoring them');
      return emptyRules();
    }
  }

  /**
   * Replaces the account's rules after cleaning them (`normalizeRules`); throws
   * `validation_failed` naming each field over its limit. Saving empty rules deletes the row.
   */
  async save(accountId: number, rules: Partial<FilterRules>): Promise<FilterRules> {
    const clean = checkedRules(rules);
    if (isEmptyRules(clean)) {
      await this.clear(accountId);
      return clean;
    }
    const values = { rules: serializeRules(clean), updated_at: this.clock().toISOString() };
    await this.db
      .insertInto('filter_profiles')
      .values({ account_id: accountId, name: DEFAULT_PROFILE, ...values })
      .onConflict((oc) => oc.columns(['account_id', 'name']).doUpdateSet(values))
      .execute();
    return clean;
  }

  /** Changes the saved rules with `change` (e.g. one more tag) and saves the result. */
  async update(accountId: number, change: (rules: FilterRules) => Partial<FilterRules>): Promise<FilterRules> {
    return this.save(accountId, change(await this.get(accountId)));
  }

  /** Forgets the account's rules. */
  async clear(accountId: number): Promise<void> {
    await this.db.deleteFrom('filter_profiles').where('account_id', '=', accountId).where('name', '=', DEFAULT_PROFILE).execute();
  }

  /** Pen names by name (case and spacing ignored), in the order asked; names matching none in `unknown`. */
  async pseudsByName(names: readonly string[]): Promise<{ found: Creator[]; unknown: string[] }> {
    const keys = [...new Set(names.map(foldName))];
    const rows = await chunked(keys, (part) => this.db.selectFrom('pseuds').select(['id', 'name', 'name_key']).where('name_key', 'in', part).execute());
    const byKey = new Map(rows.map((r) => [r.name_key, { id: r.id, name: r.name }]));
    const found: Creator[] = [];
    const unknown: string[] = [];
    for (const n of names) {
      const p = byKey.get(foldName(n));
      if (p) found.push(p);
      else unknown.push(n);
    }
    return { found, unknown };
  }

  /** The pen names of `ids`, in that order; ids of pen names since deleted are left out. */
  async pseudNames(ids: readonly number[]): Promise<Creator[]> {
    const rows = await chunked([...new Set(ids)], (part) => this.db.selectFrom('pseuds').select(['id', 'name']).where('id', 'in', part).execute());
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Each known tag's own spelling and kind, by folded name (unknown names are absent). */
  async tagKinds(names: readonly string[]): Promise<Map<string, { name: string; type: TagType }>> {
    const keys = [...new Set(names.map(foldName))];
    const rows = await chunked(keys, (part) => this.db.selectFrom('tags').select(['name', 'name_key', 'type']).where('name_key', 'in', part).execute());
    return new Map(rows.map((r) => [r.name_key, { name: r.name, type: r.type as TagType }]));
  }

  /**
   * The most used filter tags of a kind, for the form's suggestions: over posted, unhidden works,
   * and only unrestricted ones for a guest (a tag used only behind the login stays unnamed).
   */
  async suggestions(type: TagType, opts: { includeRestricted: boolean; limit?: number }): Promise<string[]> {
    let q = this.db
      .selectFrom('tags')
      .innerJoin('filter_taggings', 'filter_taggings.tag_id', 'tags.id')
      .innerJoin('works', 'works.id', 'filter_taggings.work_id')
      .where('tags.type', '=', type)
      .where('works.status', '=', 'posted')
      .where('works.hidden', '=', 0);
    if (!opts.includeRestricted) q = q.where('works.restricted', '=', 0);
    const rows = await q
      .select((eb) => ['tags.name', 'tags.name_key', eb.fn.count<number>('works.id').as('n')])
      .groupBy(['tags.id', 'tags.name', 'tags.name_key'])
      .orderBy('n', 'desc')
      .orderBy('tags.name_key')
      .limit(opts.limit ?? 100)
      .execute();
    return rows.map((r) => r.name);
  }

  /** The languages of posted works, for the form's choices. */
  async languagesInUse(): Promise<string[]> {
    const rows = await this.db.selectFrom('works').select('language').distinct().where('status', '=', 'posted').where('hidden', '=', 0).orderBy('language').execute();
    return rows.map((r) => r.language);
  }
}

/**
 * Cleans `rules` and checks them against the limits; throws `validation_failed` with one issue
 * per field in trouble. The web edge runs this for guests' cookies too.
 */
export function checkedRules(rules: Partial<FilterRules>): FilterRules {
  const clean = normalizeRules(rules);
  const issues = ruleIssues(clean);
  if (issues.length > 0) throw invalid(issues);
  return clean;
}
