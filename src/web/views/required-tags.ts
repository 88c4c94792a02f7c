import { html, type SafeHtml } from '../html.ts';
import type { Work } from '../../works/work.types.ts';

/**
 * AO3's four "required tags" squares: rating, warnings, category, completion. Each square is
 * drawn by CSS (class names below) and carries its meaning as text: a `title` for pointer users
 * and visually hidden text for screen readers, so nothing depends on colour alone.
 */
interface Square {
  cls: string;
  symbol: string;
  text: string;
}

const RATING: Record<string, [string, string]> = {
  'General Audiences': ['rating-general', 'G'],
  'Teen And Up Audiences': ['rating-teen', 'T'],
  Mature: ['rating-mature', 'M'],
  Explicit: ['rating-explicit', 'E'],
  'Not Rated': ['rating-notrated', '?'],
};

function ratingSquare(work: Work): Square {
  const [cls, symbol] = RATING[work.rating] ?? ['rating-notrated', '?'];
  return { cls, symbol, text: `Rating: ${work.rating}` };
}

function warningSquare(work: Work): Square {
  const text = `Archive warnings: ${work.warnings.join(', ') || 'none given'}`;
  const serious = work.warnings.filter((w) => w !== 'No Archive Warnings Apply' && w !== 'Creator Chose Not To Use Archive Warnings');
  if (serious.length > 0) return { cls: 'warning-yes', symbol: '!', text };
  if (work.warnings.includes('Creator Chose Not To Use Archive Warnings')) return { cls: 'warning-choosenot', symbol: '?', text };
  return { cls: 'warning-no', symbol: '', text };
}

const CATEGORY: Record<string, [string, string]> = {
  Gen: ['category-gen', 'Gen'],
  'F/M': ['category-fm', 'F/M'],
  'M/M': ['category-mm', 'M/M'],
  'F/F': ['category-ff', 'F/F'],
  Other: ['category-other', 'Oth'],
};

function categorySquare(work: Work): Square {
  const text = `Categories: ${work.categories.join(', ') || 'none'}`;
  if (work.categories.length === 0) return { cls: 'category-none', symbol: '', text };
  if (work.categories.length > 1 || work.categories[0] === 'Multi') return { cls: 'category-multi', symbol: 'Mx', text };
  const [cls, symbol] = CATEGORY[work.categories[0]!] ?? ['category-other', 'Oth'];
  return { cls, symbol, text };
}

function completionSquare(work: Work): Square {
  return work.complete
    ? { cls: 'complete-yes', symbol: '✓', text: 'Complete work' }
    : { cls: 'complete-no', symbol: '…', text: 'Work in progress' };
}

/** The four squares as a list, in AO3's order. */
export function requiredTags(work: Work): SafeHtml {
  const squares = [ratingSquare(work), warningSquare(work), categorySquare(work), completionSquare(work)];
  return html`<ul class="required-tags">${squares.map(
    (s) => html`<li><span class="req ${s.cls}" title="${s.text}"><span class="req-symbol" aria-hidden="true">${s.symbol}</span><span class="visually-hidden">${s.text}</span></span></li>`,
  )}</ul>`;
}
