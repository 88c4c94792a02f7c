import { languageName } from '../works/language.ts';
import type { CharacterSuggestion, Evidence, FandomSuggestion, LanguageSuggestion, RatingSuggestion, RelationshipSuggestion, Suggestions, WarningSuggestion } from './suggest.types.ts';

/**
 * The two ways suggestions leave Quire: `suggestionsJson` (the stable `--json` shape, also the
 * API's) and `formatSuggestions` (what a person reads in a terminal).
 */

/**
 * The `--json` shape: `{rating, warnings, characters, relationships, language, fandoms}`.
 * Rating, warnings and language are `{value, confidence, evidence}` (language is null when it
 * cannot be told); characters `{tag, mentions, confidence, evidence}`; relationships
 * `{tag, confidence, evidence}`; fandoms (inferred) `{tag, confidence, characters, evidence}`.
 */
export interface SuggestionsJson {
  rating: RatingSuggestion;
  warnings: WarningSuggestion[];
  characters: CharacterSuggestion[];
  relationships: Omit<RelationshipSuggestion, 'kind' | 'existing'>[];
  language: LanguageSuggestion | null;
  fandoms: FandomSuggestion[];
}

export function suggestionsJson(s: Suggestions): SuggestionsJson {
  return {
    rating: s.rating,
    warnings: s.warnings,
    characters: s.characters.map((c) => ({ tag: c.tag, mentions: c.mentions, confidence: c.confidence, evidence: c.evidence })),
    relationships: s.relationships.map((r) => ({ tag: r.tag, confidence: r.confidence, evidence: r.evidence })),
    language: s.language ?? null,
    fandoms: s.fandoms,
  };
}

const SHOWN = 3;
const n = (x: number) => x.toLocaleString('en');
const conf = (c: number) => `confidence ${c.toFixed(2)}`;

function lines(evidence: readonly Evidence[], indent = '    '): string[] {
  const out = evidence.slice(0, SHOWN).map((e) => `${indent}ch ${e.chapter}, at ${n(e.offset)}: ${e.excerpt}${e.reason ? `  [${e.reason}]` : ''}`);
  if (evidence.length > SHOWN) out.push(`${indent}(${evidence.length - SHOWN} more)`);
  return out;
}

/** Human-readable suggestions, each with its evidence (at most three passages each). */
export function formatSuggestions(s: Suggestions, file: string): string {
  const out: string[] = [];
  out.push(`Suggestions for ${file}: ${n(s.stats.chapters)} chapter${s.stats.chapters === 1 ? '' : 's'}, ${n(s.stats.words)} words.`);
  out.push('Nothing has been applied: accept or reject each suggestion yourself.', '');
  out.push(`Rating: ${s.rating.value} (${conf(s.rating.confidence)})`, ...lines(s.rating.evidence));
  out.push('Warnings:');
  if (s.warnings.length === 0) out.push('  none suggested (only graphic violence and major character death are looked for)');
  for (const w of s.warnings) out.push(`  ${w.value} (${conf(w.confidence)})`, ...lines(w.evidence));
  out.push(s.language ? `Language: ${languageName(s.language.value)} (${s.language.value}) (${conf(s.language.confidence)})` : 'Language: could not tell');
  if (s.fandoms.length > 0) {
    out.push('Fandoms (inferred from the characters):');
    for (const f of s.fandoms) out.push(`  ${f.tag} (${conf(f.confidence)}): ${f.characters.join(', ')}`);
  }
  out.push('Characters:');
  if (s.characters.length === 0) out.push('  none of the archive\'s character tags are named in the text');
  for (const c of s.characters) out.push(`  ${c.tag}: ${n(c.mentions)} mention${c.mentions === 1 ? '' : 's'} (${conf(c.confidence)})`, ...lines(c.evidence));
  out.push('Relationships:');
  if (s.relationships.length === 0) out.push('  none suggested');
  for (const r of s.relationships) {
    const what = `${r.kind}${r.existing ? ', existing tag' : ', new tag'}`;
    out.push(`  ${r.tag}: ${what} (${conf(r.confidence)})`, ...lines(r.evidence));
  }
  return out.join('\n') + '\n';
}

const pc = (c: number) => c.toFixed(2);

/**
 * Suggestions in a few lines, without evidence (`quire import` prints these under each work;
 * `--json` has the evidence): `rating: Mature (0.75)`, `characters: Mara Voss (12), …`.
 */
export function summaryLines(s: SuggestionsJson): string[] {
  const list = <T>(label: string, xs: readonly T[], f: (x: T) => string) => (xs.length > 0 ? [`${label}: ${xs.map(f).join(', ')}`] : []);
  return [
    `rating: ${s.rating.value} (${pc(s.rating.confidence)})`,
    ...list('warnings', s.warnings, (w) => `${w.value} (${pc(w.confidence)})`),
    ...list('fandoms', s.fandoms, (f) => `${f.tag} (${pc(f.confidence)})`),
    ...list('characters', s.characters, (c) => `${c.tag} (${n(c.mentions)})`),
    ...list('relationships', s.relationships, (r) => `${r.tag} (${pc(r.confidence)})`),
    ...(s.language ? [`language: ${s.language.value} (${pc(s.language.confidence)})`] : []),
  ];
}
