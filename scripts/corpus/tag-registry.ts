import type { TagGraph } from '../../src/tags/filter-tags.ts';
import { foldName, type TagType } from '../../src/tags/tag.types.ts';
import { MAX_TAG_LENGTH } from '../../src/tags/tag.repository.ts';

/** A tags row as the app writes it (booleans 0/1, ISO timestamp). */
export interface TagRow {
  id: number;
  type: TagType;
  name: string;
  name_key: string;
  canonical: number;
  synonym_of: number | null;
  unwrangleable: number;
  created_at: string;
}

/** Where new tags and tag links go (the SQLite sink, or an array in tests). */
export interface TagSink {
  tag(row: TagRow): void;
  link(tagId: number, parentId: number, kind: 'meta' | 'fandom'): void;
}

export interface TagOptions {
  canonical?: boolean;
  synonymOf?: number;
  unwrangleable?: boolean;
  /** Keep the name in memory (for synonyms and for character names in the text). */
  keepName?: boolean;
}

/**
 * Every tag of the synthetic archive passes through here: names are unique by `foldName` across
 * all types (as the app's unique `name_key` demands), ids are handed out in creation order (as
 * AUTOINCREMENT would), and the wrangling graph (synonyms, metatags, unwrangleable tags) is kept
 * in memory so each work's filter tags come from the app's own `filterTagClosure`.
 */
export class TagRegistry {
  readonly graph: TagGraph = { synonymOf: new Map(), unwrangleable: new Set(), metas: new Map() };
  readonly counts = { total: 0, synonyms: 0, canonical: 0, unwrangleable: 0, metaLinks: 0, fandomLinks: 0 };
  private readonly keys = new Map<string, number>();
  private readonly names = new Map<number, string>();
  private readonly types: TagType[] = [];
  private readonly linked = new Set<string>();
  private readonly clashes = new Map<string, number>();

  constructor(private readonly sink: TagSink) {}

  /** The id of the tag with this name (any type), if it exists. */
  idOf(name: string): number | undefined {
    return this.keys.get(foldName(name));
  }

  /** A kept name (see `keepName`). */
  nameOf(id: number): string | undefined {
    return this.names.get(id);
  }

  typeOf(id: number): TagType | undefined {
    return this.types[id];
  }

  /** Creates a tag; undefined if a tag of that name exists already or the name is unusable. */
  tryCreate(type: TagType, name: string, createdAt: string, opts: TagOptions = {}): number | undefined {
    const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (clean === '' || clean.length > MAX_TAG_LENGTH || clean.includes(',')) return undefined;
    const key = foldName(clean);
    if (this.keys.has(key)) return undefined;
    const id = this.counts.total + 1;
    this.counts.total = id;
    this.keys.set(key, id);
    this.types[id] = type;
    if (opts.keepName) this.names.set(id, clean);
    const synonymOf = opts.synonymOf ?? null;
    if (synonymOf !== null) {
      this.graph.synonymOf.set(id, synonymOf);
      this.counts.synonyms++;
    }
    if (opts.unwrangleable) {
      this.graph.unwrangleable.add(id);
      this.counts.unwrangleable++;
    }
    if (opts.canonical) this.counts.canonical++;
    this.sink.tag({
      id, type, name: clean, name_key: key, canonical: opts.canonical ? 1 : 0,
      synonym_of: synonymOf, unwrangleable: opts.unwrangleable ? 1 : 0, created_at: createdAt,
    });
    return id;
  }

  /** Creates a tag, disambiguating a taken name with each suffix in turn, then with numbers. */
  create(type: TagType, name: string, createdAt: string, opts: TagOptions = {}, suffixes: readonly string[] = []): number {
    const first = this.tryCreate(type, name, createdAt, opts);
    if (first !== undefined) return first;
    for (const s of suffixes) {
      const id = this.tryCreate(type, `${name} ${s}`, createdAt, opts);
      if (id !== undefined) return id;
    }
    // Number the clashes; remember where counting stopped, so a popular name stays cheap.
    const base = foldName(name);
    for (let n = this.clashes.get(base) ?? 2; ; n++) {
      const id = this.tryCreate(type, `${name} ${n}`, createdAt, opts);
      if (id !== undefined) {
        this.clashes.set(base, n + 1);
        return id;
      }
    }
  }

  /** Links a tag to a metatag (`meta`) or a character/relationship to a parent fandom (`fandom`), once. */
  link(tagId: number, parentId: number, kind: 'meta' | 'fandom'): void {
    const key = `${tagId}:${parentId}:${kind}`;
    if (this.linked.has(key)) return;
    this.linked.add(key);
    if (kind === 'meta') {
      const list = this.graph.metas.get(tagId) ?? [];
      list.push(parentId);
      this.graph.metas.set(tagId, list);
      this.counts.metaLinks++;
    } else {
      this.counts.fandomLinks++;
    }
    this.sink.link(tagId, parentId, kind);
  }
}
