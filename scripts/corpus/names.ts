import type { Rng } from './rng.ts';
import { vocabularyFor } from './vocabulary.ts';

/**
 * Invented proper names: franchises and fandoms, characters, pen names, free-form tags.
 * Built from syllables, so none is a real fandom, character or person. Uniqueness is the tag
 * registry's job (it disambiguates clashes the way AO3 does, with a parenthesised fandom).
 */
const ONSETS = ['b', 'br', 'c', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'sh', 'st', 't', 'th', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ie', 'ou', 'y', 'a', 'e', 'o'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'th', 'nd', 'rk', 'll', 'ss', 'x', 'm', 'n', 'r'];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** An invented name word of `syllables` syllables, capitalised. */
export function nameWord(rng: Rng, syllables = rng.range(2, 3)): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += (i === 0 && rng.chance(0.15) ? '' : rng.pick(ONSETS)) + rng.pick(VOWELS);
  return cap(w + rng.pick(CODAS));
}

/** "First Last", sometimes a single name. */
export function personName(rng: Rng): string {
  if (rng.chance(0.1)) return nameWord(rng, rng.range(2, 3));
  return `${nameWord(rng, rng.range(1, 3))} ${nameWord(rng, rng.range(2, 3))}`;
}

const SERIES_WORDS = ['Chronicles', 'Saga', 'Academy', 'Legends', 'Tales', 'Cycle', 'Quest', 'Files', 'Empire', 'Heights'];
const MEDIA = ['(TV)', '(Anime)', '(Video Game)', '(Comics)', '(Movies)', '(Manga)', '(Cartoon)', '(Web Series)', '(Podcast)', '(Webcomic)'];
const SUB_MEDIA = ['(TV)', '(Novels)', '(Movies)', '(Comics)', '(Video Games)', '(Anime)', '(Audio Drama)', '(Stage Play)'];

/** A franchise's base name: "Veldorn", "The Kessing Saga". */
export function franchiseName(rng: Rng): string {
  const base = nameWord(rng, rng.range(2, 3));
  const v = rng.float();
  if (v < 0.25) return `The ${base} ${rng.pick(SERIES_WORDS)}`;
  if (v < 0.4) return `${base} ${nameWord(rng, 2)}`;
  return base;
}

/** A stand-alone fandom: a franchise in one medium, or a book series by an invented author. */
export function fandomName(rng: Rng): string {
  const base = franchiseName(rng);
  const v = rng.float();
  if (v < 0.3) return `${base} - ${personName(rng)}`;
  if (v < 0.85) return `${base} ${rng.pick(MEDIA)}`;
  if (v < 0.92) return `${base} RPF`;
  return base;
}

/** The sub-fandoms of a franchise, one per medium: "Veldorn (TV)", "Veldorn (Novels)". */
export function subFandomNames(rng: Rng, base: string, count: number): string[] {
  const media = [...SUB_MEDIA];
  rng.shuffle(media);
  return media.slice(0, count).map((m) => `${base} ${m}`);
}

const HANDLE_JOINERS = ['', '_', '-', ''];

/** A pen name: "quietwren42", "moth_and_lantern", "Kessa". */
export function pseudName(rng: Rng): string {
  const en = vocabularyFor('en');
  const word = (): string => en.word(rng.range(120, 6000)).replace(/'/g, '');
  const v = rng.float();
  let name: string;
  if (v < 0.3) name = word() + word() + (rng.chance(0.5) ? String(rng.range(1, 999)) : '');
  else if (v < 0.55) name = [word(), rng.pick(['and', 'of', 'the', 'in']), word()].join(rng.pick(HANDLE_JOINERS));
  else if (v < 0.8) name = nameWord(rng, rng.range(2, 4)) + (rng.chance(0.4) ? String(rng.range(1, 99)) : '');
  else name = `${word()}${rng.pick(HANDLE_JOINERS)}${nameWord(rng, 2).toLowerCase()}`;
  return name.slice(0, 40);
}

const FREEFORM_TEMPLATES: ((w: () => string, rng: Rng) => string)[] = [
  (w) => `${w()} ${w()}`,
  (w) => `${cap(w())} ${cap(w())}`,
  (w) => `author is ${w()}`,
  (w) => `the ${w()} is ${w()}`,
  (w) => `${cap(w())} Week`,
  (w, rng) => `Day ${rng.range(1, 31)}: ${cap(w())}`,
  (w) => `${w()} and ${w()}`,
  (w) => `i ${w()} the ${w()}`,
  (w) => `${cap(w())} ${cap(w())} ${cap(w())}`,
  (w) => `no ${w()} just ${w()}`,
];

/** A one-off free-form tag in the style readers type: lower case, jokes, event names. */
export function freeformName(rng: Rng): string {
  const en = vocabularyFor('en');
  const w = (): string => {
    let r = en.sampleRank(rng);
    while (r <= 60) r = en.sampleRank(rng);
    return en.word(r);
  };
  return rng.pick(FREEFORM_TEMPLATES)(w, rng).slice(0, 150);
}
