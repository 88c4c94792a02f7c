import { createNameIndex, type NameIndex } from './name-index.ts';

/**
 * A small invented cast for the suggest tests (the evaluation set has its own, in
 * test/fixtures/suggest/cast.yaml). Two fandoms share a "Mara" and an "Oskar Lind".
 */
export function testIndex(): NameIndex {
  return createNameIndex({
    fandoms: [
      { id: 1, name: 'The Salt Roads', synonyms: ['Salt Roads'] },
      { id: 2, name: 'Lanternfall Observatory', synonyms: ['Lanternfall'] },
    ],
    characters: [
      { id: 11, name: 'Mara Voss', synonyms: ['Captain Voss'], fandoms: [1] },
      { id: 12, name: 'Tobin Ash', synonyms: ['Tob'], fandoms: [1] },
      { id: 13, name: 'Ilse Marrow', fandoms: [1] },
      { id: 14, name: 'Ann Tully', fandoms: [1] },
      { id: 15, name: 'Will Fenwick', fandoms: [1] },
      { id: 16, name: 'James Reyes', fandoms: [1] },
      { id: 21, name: 'Mara Quill', fandoms: [2] },
      { id: 22, name: 'Achterberg, Desmond', synonyms: ['Dez'], fandoms: [2] },
      { id: 23, name: 'Oskar Lind (Lanternfall Observatory)', fandoms: [2] },
      { id: 24, name: 'Oskar Lind (The Salt Roads)', fandoms: [1] },
    ],
    relationships: [
      { id: 31, name: 'Tobin Ash/Mara Voss', fandoms: [1] },
      { id: 32, name: 'Desmond Achterberg & Mara Quill', fandoms: [2] },
    ],
  });
}
