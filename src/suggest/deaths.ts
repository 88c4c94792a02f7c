import type { ChapterTokens, CharacterMatches, Mention } from './characters.ts';
import { isCommonWord } from './common-words.ts';
import { tokenEvidence } from './evidence.ts';
import type { NameIndex } from './name-index.ts';
import { round, type Hit } from './rating.ts';
import type { Evidence, WarningSuggestion } from './suggest.types.ts';
import { CAP, type Tokens } from './tokenize.ts';

/**
 * The "Major Character Death" hint: death language about a named character who matters in the
 * text. A death phrase counts when a name stands where the phrase expects it, in the same
 * sentence: before it (`Mara died`, `Mara was killed`), after it (`they buried Mara`, `the death
 * of Mara`) or owning it (`Mara's funeral`) — and no hedge comes just before (`almost`, `would`,
 * `didn't`, `if`…). "Major" means among the three most named characters, or at least a tenth of
 * all mentions. Names the archive does not know yet (a capitalized word that is not a common
 * one) count too, with less confidence.
 */
const SUBJECT_GAP = 5;
const OBJECT_GAP = 3;
const HEDGES = new Set([
  'not', 'never', 'almost', 'nearly', 'would', 'could', 'might', 'will', 'if', 'afraid', 'feared', 'fear', 'pretend',
  'pretended', 'faked', 'wish', 'wished', 'rather', 'may', 'unless', 'whether', 'nobody', 'no', 'thought', 'dreamed', 'dreamt',
]);

interface Victim {
  name: string;
  points: number;
  fallback: boolean;
  evidence: Evidence[];
}

function hedged(t: Tokens, hit: Hit, victim: { from: number; to: number }): boolean {
  for (let j = Math.max(0, Math.min(hit.from, victim.from) - 3); j < hit.from; j++) {
    if (j >= victim.from && j < victim.to) continue; // the name itself ("Will Fenwick") is no hedge
    if (t.sentence[j] !== t.sentence[hit.from]) continue;
    const k = t.keys[j]!;
    if (HEDGES.has(k) || k.endsWith("n't")) return true;
  }
  return false;
}

function nameLike(t: Tokens, j: number): boolean {
  const k = t.keys[j]!;
  return (t.flags[j]! & CAP) !== 0 && k.length >= 2 && !isCommonWord(k) && !/^\d+$/.test(k);
}

/** The named character (or unknown proper name) a death phrase is about, if any. */
function victimOf(t: Tokens, hit: Hit, mentions: readonly Mention[]): { mention?: Mention; from: number; to: number } | undefined {
  const s = t.sentence[hit.from];
  const near = (lo: number, hi: number): Mention | undefined => mentions.find((m) => m.from >= lo && m.to <= hi && t.sentence[m.from] === s);
  if (hit.link === 'subject') {
    const m = [...mentions].reverse().find((x) => x.to <= hit.from && hit.from - x.to <= SUBJECT_GAP && t.sentence[x.from] === s);
    if (m) return { mention: m, from: m.from, to: m.to };
    for (let j = hit.from - 1; j >= Math.max(0, hit.from - SUBJECT_GAP) && t.sentence[j] === s; j--) if (nameLike(t, j)) return { from: j, to: j + 1 };
  } else if (hit.link === 'object') {
    const m = near(hit.to, hit.to + OBJECT_GAP + 3);
    if (m && m.from - hit.to <= OBJECT_GAP) return { mention: m, from: m.from, to: m.to };
    for (let j = hit.to; j < Math.min(t.length, hit.to + OBJECT_GAP) && t.sentence[j] === s; j++) if (nameLike(t, j)) return { from: j, to: j + 1 };
  } else if (hit.link === 'possessive') {
    const m = mentions.find((x) => x.to === hit.from || x.to === hit.from - 1);
    if (m && t.sentence[m.from] === s) return { mention: m, from: m.from, to: m.to };
    if (hit.from > 0 && t.sentence[hit.from - 1] === s && /['’]s$|s['’]$/.test(t.text.slice(t.starts[hit.from - 1]!, t.starts[hit.from]!).trim()) && nameLike(t, hit.from - 1)) {
      return { from: hit.from - 1, to: hit.from };
    }
  }
  return undefined;
}

/** The "Major Character Death" hint, or undefined. */
export function deathWarning(chapters: readonly ChapterTokens[], hits: readonly Hit[], matches: CharacterMatches, index: NameIndex, maxEvidence: number): WarningSuggestion | undefined {
  const total = matches.mentions.length;
  const ranked = [...matches.byCharacter.entries()].sort((a, b) => b[1].length - a[1].length);
  const major = new Set(ranked.filter(([, ms], i) => i < 3 || ms.length >= total * 0.1).map(([id]) => id));
  const victims = new Map<string, Victim>();
  const perChapter = chapters.map((_, ci) => matches.mentions.filter((m) => m.chapter === ci));
  for (const hit of hits) {
    if (hit.category !== 'death') continue;
    const ch = chapters[hit.chapter]!;
    const t = ch.tokens;
    const v = victimOf(t, hit, perChapter[hit.chapter]!);
    if (!v || hedged(t, hit, v)) continue;
    if (v.mention && !major.has(v.mention.character)) continue;
    const name = v.mention ? index.characters.get(v.mention.character)!.tag : t.text.slice(t.starts[v.from]!, t.ends[v.to - 1]!);
    const key = v.mention ? `c${v.mention.character}` : `n${t.keys[v.from]}`;
    const victim = victims.get(key) ?? { name, points: 0, fallback: !v.mention, evidence: [] };
    victim.points += 2;
    victim.evidence.push(tokenEvidence(t, ch.number, [[hit.from, hit.to], [v.from, v.to]], `death of ${name}`));
    victims.set(key, victim);
  }
  const all = [...victims.values()].sort((a, b) => Number(a.fallback) - Number(b.fallback) || b.points - a.points);
  const top = all[0];
  if (!top) return undefined;
  const confidence = round(Math.min(0.9, 0.5 + 0.1 * (top.points / 2)) * (top.fallback ? 0.75 : 1));
  return { value: 'Major Character Death', confidence, evidence: all.flatMap((v) => v.evidence).slice(0, maxEvidence) };
}
