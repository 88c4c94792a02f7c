import type { Archive } from '../archive.ts';
import { ensureTag, findTagByName } from '../tags/tag.repository.ts';
import { addMetatag, addParentFandom, makeCanonical, makeSynonym } from '../tags/wrangle.ts';
import type { Tag } from '../tags/tag.types.ts';
import { DEMO_FANDOMS, DEMO_WRANGLING } from './library.ts';

/**
 * Wrangles the demo's tags as a tag wrangler would: fandoms, characters and relationships made
 * canonical with their parent fandoms, a few synonyms and metatags. Safe to run again; a tag an
 * operator has wrangled differently since (made a synonym, say) is left alone.
 */
export async function wrangleDemo(archive: Archive): Promise<void> {
  const { store, events } = archive;
  const db = store.db;
  const find = (name: string) => findTagByName(db, name);
  const canonicalize = async (tag: Tag) => {
    if (!tag.canonical && tag.synonymOf === null) await makeCanonical(store, events, tag.id);
  };

  for (const fandom of DEMO_FANDOMS) {
    const f = await find(fandom.name);
    if (!f || f.type !== 'fandom' || f.synonymOf !== null) continue;
    await canonicalize(f);
    for (const name of [...fandom.characters, ...fandom.relationships]) {
      const tag = await find(name);
      if (!tag || (tag.type !== 'character' && tag.type !== 'relationship') || tag.synonymOf !== null) continue;
      await canonicalize(tag);
      await addParentFandom(db, tag.id, f.id);
    }
  }

  for (const [synonym, canonical] of DEMO_WRANGLING.synonyms) {
    const [s, c] = [await find(synonym), await find(canonical)];
    if (!s || !c || s.id === c.id || s.type !== c.type || s.synonymOf !== null || c.synonymOf !== null) continue;
    await makeSynonym(store, events, s.id, c.id);
  }

  for (const [sub, meta] of DEMO_WRANGLING.metatags) {
    const s = await find(sub);
    if (!s || s.synonymOf !== null) continue;
    const m = (await find(meta)) ?? (await ensureTag(db, s.type, meta));
    if (m.type !== s.type || m.synonymOf !== null || m.id === s.id) continue;
    await canonicalize(s);
    await canonicalize(m);
    await addMetatag(store, events, s.id, m.id);
  }
}
