import type { Store } from '../store/store.ts';
import { RATINGS, type Rating, type Warning } from '../tags/tag.types.ts';
import type { WorkInput } from '../works/work.types.ts';
import { acceptKey, applyAccepted, canonicalNames, everySuggestion, holds } from './accept.ts';
import { suggestionsJson, type SuggestionsJson } from './format.ts';
import { hintExceeds } from './rating-hint.ts';
import type { SuggestService } from './suggest.service.ts';

/** What an import learns from the text: the suggestions, and (with accept) the keys it applied. */
export interface ImportSuggestions {
  input: WorkInput;
  suggestions: SuggestionsJson;
  /** `character:Mara Voss`…: what `--accept-suggestions` added; empty otherwise. */
  accepted: string[];
}

/**
 * Suggestions for a work about to be imported (`quire import`). Without `accept` the input is
 * returned as it is. With `accept` (`--accept-suggestions`): suggested warnings, fandoms,
 * characters and relationships are added (canonical names; a fandom replaces "Uncategorized"),
 * and the rating hint replaces the rating only when it is higher or the rating is Not Rated, so
 * accepting never lowers a rating the file declared. The language is left alone (the importer
 * already guesses it from the text). Uses the last name index built, so a bulk import does not
 * reload the archive's names after every work.
 */
export async function importSuggestions(deps: { suggest: SuggestService; store: Store }, input: WorkInput, accept: boolean): Promise<ImportSuggestions> {
  const fandom = input.fandoms.find((f) => f.toLowerCase() !== 'uncategorized');
  const s = await deps.suggest.forHtml(input.chapters, { staleNames: true, ...(fandom === undefined ? {} : { fandom }) });
  const suggestions = suggestionsJson(s);
  if (!accept) return { input, suggestions, accepted: [] };

  const fields = {
    rating: input.rating as string,
    warnings: [...input.warnings] as string[],
    fandoms: [...input.fandoms],
    characters: [...(input.characters ?? [])],
    relationships: [...(input.relationships ?? [])],
    language: input.language,
  };
  const canonical = await canonicalNames(deps.store.db, [...fields.fandoms, ...fields.characters, ...fields.relationships]);
  const wanted = everySuggestion(s).filter((a) => {
    if (a.kind === 'language') return false;
    if (a.kind === 'rating') return input.rating === 'Not Rated' || hintExceeds(input.rating, a.value as Rating);
    if (a.kind === 'warning') return !fields.warnings.includes(a.value);
    const list = a.kind === 'fandom' ? fields.fandoms : a.kind === 'character' ? fields.characters : fields.relationships;
    return !holds(list, a.value, canonical);
  });
  const out = applyAccepted(fields, wanted, canonical);
  const rating = (RATINGS as readonly string[]).includes(out.rating) ? (out.rating as Rating) : input.rating;
  return {
    input: { ...input, rating, warnings: out.warnings as Warning[], fandoms: out.fandoms, characters: out.characters, relationships: out.relationships },
    suggestions,
    accepted: wanted.map(acceptKey),
  };
}
