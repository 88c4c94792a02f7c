import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork, testArchive } from '../../test/factories.ts';
import { findTagByName } from '../tags/tag.repository.ts';
import { htmlToText } from '../formats/sanitize.ts';
import { OPERATOR } from '../works/visibility.ts';
import { validateWork } from '../works/work.validate.ts';
import type { Archive } from '../archive.ts';
import { DEMO_FANDOMS, DEMO_LOADED_SETTING, DEMO_WORKS, loadDemo, loadDemoIfEmpty } from './demo.ts';

async function allWorks(a: Archive) {
  return (await a.works.list(OPERATOR, { pageSize: 200 })).items;
}

async function titlesWithFilterTag(a: Archive, name: string): Promise<string[]> {
  const tag = await findTagByName(a.store.db, name);
  assert.ok(tag, `tag ${name} exists`);
  const page = await a.works.list(OPERATOR, { pageSize: 200, filterTagId: tag.id });
  return page.items.map((w) => w.title).sort();
}

function allText(): { slug: string; text: string }[] {
  return DEMO_WORKS.map(({ slug, work }) => ({
    slug,
    text: [
      work.title, work.summary, work.notes, work.endNotes,
      ...work.fandoms, ...(work.relationships ?? []), ...(work.characters ?? []), ...(work.tags ?? []), ...work.creators,
      ...work.chapters.flatMap((c) => [c.title, c.notes, c.endNotes, c.html]),
    ].filter((s): s is string => typeof s === 'string').map(htmlToText).join('\n'),
  }));
}

test('the demo library has 10–14 valid works of 300–1,500 words across at least 3 fandoms', () => {
  assert.ok(DEMO_WORKS.length >= 10 && DEMO_WORKS.length <= 14, `${DEMO_WORKS.length} works`);
  assert.equal(new Set(DEMO_WORKS.map((d) => d.slug)).size, DEMO_WORKS.length, 'slugs are unique');
  const now = new Date();
  let total = 0;
  for (const { slug, work } of DEMO_WORKS) {
    const valid = validateWork(work, now);
    assert.ok(valid.words >= 300 && valid.words <= 1500, `${slug}: ${valid.words} words`);
    assert.ok(valid.publishedOn < '2025-01-01', `${slug} has a fixed past date`);
    total += valid.words;
  }
  assert.ok(total < 15_000, `${total} words in all`);
  const fandoms = new Set(DEMO_WORKS.flatMap((d) => d.work.fandoms));
  assert.ok(fandoms.size >= 3);
  assert.equal(DEMO_FANDOMS.length, fandoms.size, 'every fandom used is described');
});

test('the demo library is varied: ratings, warnings, series, chapters, languages', () => {
  const works = DEMO_WORKS.map((d) => d.work);
  const ratings = new Set(works.map((w) => w.rating));
  for (const r of ['General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit', 'Not Rated'] as const) assert.ok(ratings.has(r), r);
  const warnings = new Set(works.flatMap((w) => w.warnings));
  for (const w of ['Major Character Death', 'No Archive Warnings Apply', 'Creator Chose Not To Use Archive Warnings'] as const) assert.ok(warnings.has(w), w);
  assert.ok(works.filter((w) => w.chapters.length >= 3).length >= 2, 'two works with 3+ chapters');
  const wip = works.find((w) => w.complete === false);
  assert.ok(wip && wip.expectedChapters! > wip.chapters.length, 'a work in progress');
  const series = works.flatMap((w) => w.series ?? []);
  assert.ok(series.filter((s) => s.title === series[0]!.title).length >= 2, 'a series of 2+ works');
  const languages = new Set(works.map((w) => w.language));
  assert.ok(languages.has('zh') && languages.size >= 3, [...languages].join());
  assert.ok(works.some((w) => w.fandoms.length > 1), 'a crossover');
  assert.ok(works.some((w) => w.creators.length > 1), 'a co-created work');
  assert.ok(new Set(works.flatMap((w) => w.creators)).size >= 8, 'varied pen names');
});

test('no demo text contains explicit terms, and the typography is finished', () => {
  const explicit = /\b(sex|sexual|sexy|naked|nude|orgasm|fuck\w*|cock|penis|vagina|nipples?|erotic|porn\w*|cum|shit)\b/i;
  for (const { slug, text } of allText()) {
    assert.doesNotMatch(text, explicit, slug);
    assert.doesNotMatch(text, /["']|--|\.\.\./, `${slug}: straight quotes or unfinished dashes`);
  }
});

test('loadDemo creates every work once, and running it twice adds nothing', async () => {
  const a = await testArchive();
  assert.equal(await loadDemo(a), DEMO_WORKS.length);
  assert.equal(await loadDemo(a), 0);
  const works = await allWorks(a);
  assert.equal(works.length, DEMO_WORKS.length);
  assert.ok(works.every((w) => w.status === 'posted' && !w.restricted));
  const series = works.filter((w) => w.series.length > 0).map((w) => [w.series[0]!.position, w.title]).sort();
  assert.deepEqual(series.map(([p]) => p), [1, 2, 3]);
  const wip = works.find((w) => !w.complete)!;
  assert.equal(wip.chapterCount, 3);
  assert.equal(wip.expectedChapters, 5);
});

test('loadDemo puts back only the demo works that are missing', async () => {
  const a = await testArchive();
  await loadDemo(a);
  const victim = (await allWorks(a))[0]!;
  await a.works.delete(victim.id);
  assert.equal(await loadDemo(a), 1);
  assert.ok((await allWorks(a)).some((w) => w.title === victim.title));
});

test('demo tags are wrangled: synonyms, metatags and parent fandoms', async () => {
  const a = await testArchive();
  await loadDemo(a);
  // "h/c" is a synonym of "Hurt/Comfort": the canonical filter finds works tagged either way.
  assert.deepEqual(await titlesWithFilterTag(a, 'Hurt/Comfort'), ['Priority Mail', 'What the Furnace Keeps']);
  // "Angst" is a metatag of "Angst with a Happy Ending": no work is tagged Angst directly.
  assert.deepEqual(await titlesWithFilterTag(a, 'Angst'), ['Priority Mail', 'What the Furnace Keeps']);
  assert.ok((await titlesWithFilterTag(a, 'Toby Quell')).includes('Forwarding Address'));
  const hc = await findTagByName(a.store.db, 'h/c');
  const canonical = await findTagByName(a.store.db, 'Hurt/Comfort');
  assert.equal(hc!.synonymOf, canonical!.id);
  assert.ok(canonical!.canonical);
  const ines = await findTagByName(a.store.db, 'Ines Varga');
  const fandom = await findTagByName(a.store.db, 'Postmark Zero (TV)');
  assert.ok(ines!.canonical && fandom!.canonical);
  const link = await a.store.db.selectFrom('tag_links').selectAll().where('tag_id', '=', ines!.id).where('kind', '=', 'fandom').executeTakeFirst();
  assert.equal(link?.parent_id, fandom!.id);
});

test('loadDemoIfEmpty does nothing when config.demo is off', async () => {
  const a = await testArchive({ demo: 'off' });
  assert.equal(await loadDemoIfEmpty(a), 0);
  assert.equal((await allWorks(a)).length, 0);
});

test('loadDemoIfEmpty loads an empty archive once, and never again after its works are deleted', async () => {
  const a = await testArchive({ demo: 'on' });
  assert.equal(await loadDemoIfEmpty(a), DEMO_WORKS.length);
  const setting = await a.store.db.selectFrom('settings').selectAll().where('key', '=', DEMO_LOADED_SETTING).executeTakeFirst();
  assert.ok(setting, 'the settings table records the load');
  for (const w of await allWorks(a)) await a.works.delete(w.id);
  assert.equal(await loadDemoIfEmpty(a), 0);
  assert.equal((await allWorks(a)).length, 0);
});

test('loadDemoIfEmpty leaves an archive that already has works alone', async () => {
  const a = await testArchive({ demo: 'on' });
  await a.works.create(buildWork());
  assert.equal(await loadDemoIfEmpty(a), 0);
  assert.equal((await allWorks(a)).length, 1);
  // Emptied later, it still does not get the demo: it was never a demo archive.
  await a.works.delete((await allWorks(a))[0]!.id);
  assert.equal(await loadDemoIfEmpty(a), 0);
});
