import type { NameCandidate, NameIndex, NameKind } from './name-index.ts';
import { CAP, capitalizedMidSentence, type Tokens } from './tokenize.ts';

/**
 * Finding the archive's characters in a text. Names are matched case-insensitively by longest
 * match over the tokens (possessives and word boundaries come from the tokenizer). A name that
 * can mean several characters ("Mara", "Oskar Lind", a shared surname) is resolved by, in order
 * of weight: the fandom the author gave, whether the candidate is also named unambiguously
 * somewhere in the text, the fandoms inferred from the unambiguous names, characters of the same
 * fandom named in the same section, and a full name or synonym over a mere name part. When two
 * candidates stay level, the mention is dropped rather than guessed.
 */
export interface ChapterTokens {
  /** 1-based. */
  number: number;
  tokens: Tokens;
}

export interface Mention {
  /** Index into the chapters array. */
  chapter: number;
  from: number;
  to: number;
  character: number;
  kind: NameKind;
  /** True when the name could mean several characters and context chose this one. */
  resolved: boolean;
}

export interface CharacterMatches {
  /** In text order. */
  mentions: Mention[];
  /** Character id → its mentions, in text order. */
  byCharacter: Map<number, Mention[]>;
}

interface RawMatch {
  chapter: number;
  from: number;
  to: number;
  candidates: NameCandidate[];
  /** A common word at a sentence start: counts only for a character named elsewhere. */
  weak: boolean;
}

/** A chapter written all in lower case: name parts are then accepted without a capital. */
function caseless(t: Tokens): boolean {
  let caps = 0;
  for (let i = 0; i < t.length; i++) if (t.flags[i]! & CAP) caps++;
  return caps <= t.length * 0.005;
}

/**
 * Whether a name may be read as this candidate here: `yes`, `no`, or `weak` — a common word
 * written as a name but at a sentence start ("Will said…"), kept only when the character is
 * also named unambiguously somewhere in the text.
 */
function allowed(index: NameIndex, t: Tokens, lower: boolean, c: NameCandidate, from: number, to: number): 'yes' | 'weak' | 'no' {
  if (to - from > 1) return 'yes';
  const key = t.keys[from]!;
  if (index.guarded.has(key)) return capitalizedMidSentence(t, from) ? 'yes' : (t.flags[from]! & CAP) !== 0 ? 'weak' : 'no';
  if (c.kind === 'part') return lower || (t.flags[from]! & CAP) !== 0 ? 'yes' : 'no';
  return 'yes';
}

/** Every mention of an indexed character in the chapters (see the file comment for ambiguity). */
export function findCharacters(chapters: readonly ChapterTokens[], index: NameIndex, givenFandom?: number): CharacterMatches {
  const raw: RawMatch[] = [];
  chapters.forEach((ch, ci) => {
    const t = ch.tokens;
    const lower = caseless(t);
    for (const m of index.names.scan(t, (cands, from, to) => cands.some((c) => allowed(index, t, lower, c, from, to) !== 'no'))) {
      const verdicts = m.value.map((c) => allowed(index, t, lower, c, m.from, m.to));
      const weak = verdicts.includes('weak');
      const candidates = m.value.filter((_, k) => verdicts[k] !== 'no');
      raw.push({ chapter: ci, from: m.from, to: m.to, candidates, weak });
    }
  });

  // Pass 1: names that can mean one character only.
  const anchored = new Map<number, number>();
  const sectionCast = new Map<string, Set<number>>();
  const sectionKey = (m: RawMatch): string => `${m.chapter}:${chapters[m.chapter]!.tokens.section[m.from]}`;
  for (const m of raw) {
    if (m.candidates.length !== 1 || m.weak) continue;
    const id = m.candidates[0]!.character;
    anchored.set(id, (anchored.get(id) ?? 0) + 1);
    const key = sectionKey(m);
    if (!sectionCast.has(key)) sectionCast.set(key, new Set());
    sectionCast.get(key)!.add(id);
  }
  const fandomShare = new Map<number, number>();
  for (const id of anchored.keys()) {
    for (const f of index.characters.get(id)?.fandoms ?? []) fandomShare.set(f, (fandomShare.get(f) ?? 0) + 1 / anchored.size);
  }

  // Pass 2: resolve the rest by fandom and context.
  const score = (c: NameCandidate, m: RawMatch): number => {
    const fandoms = index.characters.get(c.character)?.fandoms ?? [];
    let s = c.kind === 'part' ? 0 : 1;
    if (givenFandom !== undefined && fandoms.includes(givenFandom)) s += 10;
    if (anchored.has(c.character)) s += 4;
    s += 4 * Math.max(0, ...fandoms.map((f) => fandomShare.get(f) ?? 0));
    const cast = sectionCast.get(sectionKey(m));
    if (cast) {
      if (cast.has(c.character)) s += 2;
      else if ([...cast].some((id) => index.characters.get(id)?.fandoms.some((f) => fandoms.includes(f)))) s += 2;
    }
    return s;
  };

  const mentions: Mention[] = [];
  for (const m of raw) {
    if (m.weak) m.candidates = m.candidates.filter((c) => anchored.has(c.character));
    if (m.candidates.length === 1) {
      const c = m.candidates[0]!;
      mentions.push({ chapter: m.chapter, from: m.from, to: m.to, character: c.character, kind: c.kind, resolved: false });
      continue;
    }
    const ranked = m.candidates.map((c) => ({ c, s: score(c, m) })).sort((a, b) => b.s - a.s);
    const [best, second] = ranked;
    if (best && (!second || best.s - second.s >= 1)) {
      mentions.push({ chapter: m.chapter, from: m.from, to: m.to, character: best.c.character, kind: best.c.kind, resolved: true });
    }
  }

  const byCharacter = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (!byCharacter.has(m.character)) byCharacter.set(m.character, []);
    byCharacter.get(m.character)!.push(m);
  }
  return { mentions, byCharacter };
}

/**
 * How sure a character suggestion is: a full name or synonym counts more than a name part, and
 * more mentions count more. One mention by part alone is 0.45; ten by full name about 0.9.
 */
export function characterConfidence(ms: readonly Mention[]): number {
  const named = ms.some((m) => m.kind !== 'part' && !m.resolved);
  const base = named ? 0.65 : 0.45;
  const c = base + 0.33 * (1 - Math.exp(-(ms.length - 1) / 4));
  return Math.round(Math.min(0.98, c) * 100) / 100;
}
