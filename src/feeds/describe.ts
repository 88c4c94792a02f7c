import type { SearchQuery } from '../search/query.ts';
import { languageName } from '../works/language.ts';

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A search in words, for the title of its feed: `“sea” tagged Angst, rated Teen And Up Audiences, complete`.
 * Empty for a search without text or filters.
 */
export function describeSearch(q: SearchQuery): string {
  const parts: string[] = [];
  if (q.q) parts.push(`“${q.q}”`);
  if (q.include.length) parts.push(`tagged ${list(q.include)}`);
  if (q.exclude.length) parts.push(`not tagged ${list(q.exclude)}`);
  if (q.ratings.length) parts.push(`rated ${q.ratings.join(' or ')}`);
  if (q.excludeRatings.length) parts.push(`not rated ${list(q.excludeRatings)}`);
  if (q.warnings.length) parts.push(`with ${list(q.warnings)}`);
  if (q.excludeWarnings.length) parts.push(`without ${list(q.excludeWarnings)}`);
  if (q.categories.length) parts.push(list(q.categories));
  if (q.excludeCategories.length) parts.push(`not ${list(q.excludeCategories)}`);
  if (q.languages.length) parts.push(`in ${q.languages.map(languageName).join(' or ')}`);
  if (q.complete === 'complete') parts.push('complete');
  if (q.complete === 'wip') parts.push('in progress');
  if (q.crossover === 'only') parts.push('crossovers only');
  if (q.crossover === 'exclude') parts.push('no crossovers');
  if (q.wordsMin !== undefined || q.wordsMax !== undefined) parts.push(`${q.wordsMin ?? 0}–${q.wordsMax ?? '∞'} words`);
  if (q.postedFrom || q.postedTo) parts.push(`posted ${q.postedFrom ?? '…'} to ${q.postedTo ?? '…'}`);
  if (q.updatedFrom || q.updatedTo) parts.push(`updated ${q.updatedFrom ?? '…'} to ${q.updatedTo ?? '…'}`);
  return parts.join(', ');
}
