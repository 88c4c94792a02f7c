import type { DemoFandom, DemoWork, DemoWrangling } from './demo.types.ts';
import { cartographersOfQell } from './works/cartographers-of-qell.ts';
import { kilnmarkSaga } from './works/kilnmark-saga.ts';
import { marigoldStatic } from './works/marigold-static.ts';
import { postmarkZero } from './works/postmark-zero.ts';

/**
 * The demo library: thirteen short original works in four invented fandoms, written for Quire
 * so a new archive has something to browse. Works are listed oldest first, so they get ids in
 * publication order.
 */
export const DEMO_FANDOMS: readonly DemoFandom[] = [postmarkZero, kilnmarkSaga, cartographersOfQell, marigoldStatic];

/** Every demo work, oldest first. */
export const DEMO_WORKS: readonly DemoWork[] = DEMO_FANDOMS.flatMap((f) => f.works).sort((a, b) =>
  (a.work.publishedOn ?? '').localeCompare(b.work.publishedOn ?? ''),
);

/** A little wrangling, so tag pages show synonyms and metatags at work. */
export const DEMO_WRANGLING: DemoWrangling = {
  synonyms: [
    ['h/c', 'Hurt/Comfort'],
    ['Found-Family', 'Found Family'],
    ['slowburn', 'Slow Burn'],
    ['Tobiah Quell', 'Toby Quell'],
    ['Wren Castellane/Ines Varga', 'Ines Varga/Wren Castellane'],
  ],
  metatags: [
    ['Angst with a Happy Ending', 'Angst'],
    ['Tooth-Rotting Fluff', 'Fluff'],
    ['Domestic Fluff', 'Fluff'],
  ],
};

/** The import hash that marks a demo work: `demo:<slug>`. */
export function demoHash(slug: string): string {
  return `demo:${slug}`;
}
