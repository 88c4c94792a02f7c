import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureText } from '../../test/fixtures/import/fixtures.ts';
import { QuireError } from '../errors.ts';
import { readFrontMatter } from './front-matter.ts';

const fails = (text: string, message: string | RegExp) =>
  assert.throws(() => readFrontMatter(text, 'story.txt'), (err: unknown) => {
    assert.ok(err instanceof QuireError);
    assert.equal(err.code, 'import_failed');
    if (typeof message === 'string') assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  });

test('every key of the full fixture is read into work fields', () => {
  const fm = readFrontMatter(fixtureText('front-matter-full.txt'), 'full.txt');
  assert.deepEqual(fm.meta, {
    title: 'Salt and Cinders',
    summary: 'Two lighthouse keepers, one very long winter.\n\nA story about soup.',
    fandoms: ['Saltmarsh Chronicles', 'Lanterns of Veil'],
    rating: 'Mature',
    warnings: ['No Archive Warnings Apply'],
    categories: ['F/F', 'Gen'],
    relationships: ['Ada Marsh/Bea Tollard'],
    characters: ['Ada Marsh', 'Bea Tollard'],
    tags: ['Slow Burn', 'Winter', 'Soup'],
    language: 'en',
    series: [{ title: 'Tidewater', position: 3 }],
    creators: ['quillmouse', 'fernwick'],
    publishedOn: '2020-01-05',
    updatedOn: '2020-02-10',
    complete: false,
    expectedChapters: 4,
    restricted: true,
    status: 'draft',
    notes: 'For the winter swap.',
    endNotes: 'Thanks for reading!',
  });
  assert.ok(fm.body.startsWith('\n## Chapter 1: The First Frost'));
  assert.equal(fm.lineOffset, 29, 'the closing line');
});

test('lists may be a list, one string or a comma-separated string; aliases and spellings fold', () => {
  const { meta } = readFrontMatter('---\nFandom: Solo Fandom\nExpected Chapters: "?"\nseries: [A, {title: B, position: 2}]\nauthor: someone\ndraft: no\npairing: [X/Y, "Y & Z"]\n---\nText.', 'f.txt');
  assert.deepEqual(meta, {
    fandoms: ['Solo Fandom'],
    expectedChapters: null,
    series: [{ title: 'A' }, { title: 'B', position: 2 }],
    creators: ['someone'],
    status: 'posted',
    relationships: ['X/Y', 'Y & Z'],
  });
});

test('no front matter: the text is untouched; a scene break at the top is not front matter', () => {
  assert.deepEqual(readFrontMatter('Just a story.\n', 'f.txt'), { meta: {}, body: 'Just a story.\n', lineOffset: 0 });
  const sceneBreak = '---\nShe ran.\n---\nShe stopped.';
  assert.equal(readFrontMatter(sceneBreak, 'f.txt').body, sceneBreak);
  assert.deepEqual(readFrontMatter('---\ntitle: Only\n---', 'f.txt'), { meta: { title: 'Only' }, body: '', lineOffset: 3 });
});

test('an unknown key is named with its line and a suggestion', () => {
  fails(fixtureText('front-matter-unknown-key.txt'), 'story.txt:3: front matter: unknown key "fandomz" (did you mean fandoms?)');
  fails('---\ntitle: A\nmood: sunny\n---\nx', /^story\.txt:3: front matter: unknown key "mood"; known keys/);
});

test('broken YAML gives file:line: front matter: reason', () => {
  fails(fixtureText('front-matter-broken.txt'), /^story\.txt:\d+: front matter: Missing closing "quote$/);
  fails('---\ntitle: A\ntitle: B\n---\nx', /^story\.txt:3: front matter: Map keys must be unique/);
  fails('---\ntitle: A\n  bad: indent\n---\nx', /^story\.txt:2: front matter: Nested mappings/);
  fails('---\ntitle: A\nno closing line\n', 'story.txt:1: front matter: no closing "---" line');
});

test('bad values are named with key and line', () => {
  fails('---\ntitle: A\nrating: R\n---\nx', 'story.txt:3: front matter: rating: "R" is not a rating (one of Not Rated, General Audiences, Teen And Up Audiences, Mature, Explicit)');
  fails('---\nwarnings: [none, spiders]\n---\nx', /^story\.txt:2: front matter: warnings: "spiders" is not an archive warning/);
  fails('---\ncategory: Romance\n---\nx', /^story\.txt:2: front matter: category: "Romance" is not a category/);
  fails('---\nlanguage: Klingonese\n---\nx', /language: "Klingonese" is not a known language/);
  fails('---\npublished: last tuesday\n---\nx', /published: "last tuesday" is not a date \(YYYY-MM-DD\)/);
  fails('---\ncomplete: maybe\n---\nx', /complete: "maybe" is not true or false/);
  fails('---\nexpected_chapters: 0\n---\nx', /expected_chapters: "0" is not a number of chapters/);
  fails('---\nseries: {title: A, volume: 2}\n---\nx', /^story\.txt:2: front matter: series: /);
  fails('---\ntags: {a: 1}\n---\nx', /tags: must be text or a list of text/);
});
