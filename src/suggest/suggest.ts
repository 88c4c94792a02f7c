import { characterConfidence, findCharacters, type ChapterTokens, type CharacterMatches } from './characters.ts';
import { deathWarning } from './deaths.ts';
import { tokenEvidence } from './evidence.ts';
import { detectLanguage } from './language.ts';
import { findFandom, type NameIndex } from './name-index.ts';
import { rateText, round, scanLexicon } from './rating.ts';
import { findRelationships } from './relationships.ts';
import type { ChapterText, CharacterSuggestion, Evidence, FandomSuggestion, SuggestOptions, Suggestions, WarningSuggestion } from './suggest.types.ts';
import { tokenize } from './tokenize.ts';

/** Least share of the character weight for an inferred fandom to be suggested. */
const FANDOM_SHARE = 0.2;

/**
 * Metadata suggestions for a text: rating, warnings, characters, relationships, language and
 * (inferred) fandoms, each with a confidence and the passages behind it. Pure: the archive's
 * names come in as a {@link NameIndex}; nothing is read or written.
 *
 * @example suggest('Lizzy laughed at Mr Darcy.', index).characters[0].tag === 'Elizabeth Bennet'
 */
export function suggest(input: string | readonly (string | ChapterText)[], index: NameIndex, opts: SuggestOptions = {}): Suggestions {
  const max = opts.maxEvidence ?? 5;
  const texts = typeof input === 'string' ? [input] : input.map((c) => (typeof c === 'string' ? c : c.text));
  const chapters: ChapterTokens[] = texts.map((text, i) => ({ number: i + 1, tokens: tokenize(text) }));
  const words = chapters.reduce((n, c) => n + c.tokens.length, 0);
  const given = opts.fandom === undefined ? undefined : findFandom(index, opts.fandom);

  const matches = findCharacters(chapters, index, given);
  const hits = scanLexicon(chapters, matches.mentions);
  const { rating, violence } = rateText(chapters, hits, words, max);
  const death = deathWarning(chapters, hits, matches, index, max);
  const warnings = [violence, death].filter((w): w is WarningSuggestion => w !== undefined);
  const characters = characterSuggestions(chapters, matches, index, max);

  return {
    rating,
    warnings,
    characters,
    relationships: findRelationships(chapters, matches, hits, index, max),
    language: detectLanguage(chapters),
    fandoms: inferFandoms(chapters, matches, index, max),
    stats: { chapters: chapters.length, words },
  };
}

function firstMentions(chapters: readonly ChapterTokens[], matches: CharacterMatches, id: number, max: number): Evidence[] {
  return (matches.byCharacter.get(id) ?? []).slice(0, max).map((m) => {
    const ch = chapters[m.chapter]!;
    return tokenEvidence(ch.tokens, ch.number, [[m.from, m.to]], m.resolved ? `${m.kind} name, resolved by context` : `${m.kind} name`);
  });
}

function characterSuggestions(chapters: readonly ChapterTokens[], matches: CharacterMatches, index: NameIndex, max: number): CharacterSuggestion[] {
  return [...matches.byCharacter.entries()]
    .map(([id, ms]) => ({
      tag: index.characters.get(id)!.tag,
      mentions: ms.length,
      confidence: characterConfidence(ms),
      evidence: firstMentions(chapters, matches, id, max),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.tag.localeCompare(b.tag));
}

/** Fandoms of the named characters, weighted by 1 + ln(mentions) per character. */
function inferFandoms(chapters: readonly ChapterTokens[], matches: CharacterMatches, index: NameIndex, max: number): FandomSuggestion[] {
  const weight = new Map<number, number>();
  const members = new Map<number, number[]>();
  let total = 0;
  for (const [id, ms] of matches.byCharacter) {
    const w = 1 + Math.log(ms.length);
    total += w;
    for (const f of index.characters.get(id)?.fandoms ?? []) {
      weight.set(f, (weight.get(f) ?? 0) + w);
      members.set(f, [...(members.get(f) ?? []), id]);
    }
  }
  const out: FandomSuggestion[] = [];
  for (const [f, w] of weight) {
    if (w / total < FANDOM_SHARE) continue;
    const ids = members.get(f)!.sort((a, b) => matches.byCharacter.get(b)!.length - matches.byCharacter.get(a)!.length);
    out.push({
      tag: index.fandoms.get(f)?.tag ?? `#${f}`,
      confidence: round(Math.min(0.95, w / total)),
      characters: ids.map((id) => index.characters.get(id)!.tag),
      evidence: ids.slice(0, max).flatMap((id) => firstMentions(chapters, matches, id, 1)),
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.tag.localeCompare(b.tag));
}
