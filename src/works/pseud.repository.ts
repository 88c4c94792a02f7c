import type { Db } from '../store/schema.ts';
import { foldName } from '../tags/tag.types.ts';
import type { Creator } from './work.types.ts';

/**
 * Finds a pen name (pseud) by name, ignoring case and spacing as tag names do.
 * Callers decide what a reader may see: a pen name whose works are all hidden should look absent.
 *
 * @example await findPseudByName(store.db, 'Tester') // { id: 1, name: 'tester' }
 */
export async function findPseudByName(db: Db, name: string): Promise<Creator | undefined> {
  const row = await db.selectFrom('pseuds').select(['id', 'name']).where('name_key', '=', foldName(name)).executeTakeFirst();
  return row ? { id: row.id, name: row.name } : undefined;
}
