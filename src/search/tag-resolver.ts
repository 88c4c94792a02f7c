import type { Db } from '../store/schema.ts';
import { foldName } from '../tags/tag.types.ts';
import type { TagResolver } from './plan.ts';

/** Tag names → filter tag ids through the database: by folded name, a synonym giving its canonical tag. */
export function dbTagResolver(db: Db): TagResolver {
  return {
    async filterIds(names) {
      const keys = [...new Set(names.map(foldName))];
      const out = new Map<string, number>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await db.selectFrom('tags').select(['id', 'name_key', 'synonym_of']).where('name_key', 'in', keys.slice(i, i + 500)).execute();
        for (const r of rows) out.set(r.name_key, r.synonym_of ?? r.id);
      }
      return out;
    },
  };
}
