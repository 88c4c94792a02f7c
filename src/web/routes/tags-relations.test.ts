import { test } from 'node:test';
import type { Element } from 'domhandler';
import assert from 'node:assert/strict';
import { buildWork } from '../../../test/factories.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { parsePage, webApp } from '../testing.ts';

test('a tag page shows synonyms, parent fandoms, metatags and subtags, but no tag only a draft carries', async (t) => {
  const { archive, app } = await webApp(t);
  await archive.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Anne Elliot', 'Nan'], tags: ['Angst', 'Pining'] }));
  await archive.works.create(buildWork({ fandoms: ['Persuasion'], characters: ['Anne'], tags: ['Secret Draft Feelings'], status: 'draft' }));
  const tag = async (name: string) => (await findTagByName(archive.store.db, name))!;
  const w = archive.wrangling;
  await w.synonym(OPERATOR, (await tag('Nan')).id, (await tag('Anne Elliot')).id);
  await w.synonym(OPERATOR, (await tag('Anne')).id, (await tag('Anne Elliot')).id);
  await w.addParentFandom(OPERATOR, (await tag('Anne Elliot')).id, (await tag('Persuasion')).id);
  await w.addMetatag(OPERATOR, (await tag('Pining')).id, (await tag('Angst')).id);
  await w.addMetatag(OPERATOR, (await tag('Secret Draft Feelings')).id, (await tag('Angst')).id);

  const relations = async (url: string) => {
    const page = parsePage((await app.inject(url)).body);
    const dl = page.all('dl', 'tag-relations')[0];
    if (!dl) return {};
    const out: Record<string, string[]> = {};
    let label = '';
    for (const el of dl.children) {
      if (el.type !== 'tag') continue;
      const e = el as Element;
      if (e.name === 'dt') label = page.text(e);
      if (e.name === 'dd') out[label] = page.linksIn(e).map((l) => l.name);
    }
    return out;
  };
  assert.deepEqual(await relations('/tags/Anne%20Elliot'), { Synonyms: ['Nan'], 'Parent fandoms': ['Persuasion'] }, '"Anne" is only on a draft');
  assert.deepEqual(await relations('/tags/Angst'), { Subtags: ['Pining'] });
  assert.deepEqual(await relations('/tags/Pining'), { Metatags: ['Angst'] });
  assert.deepEqual(await relations('/tags/Persuasion'), { 'Tags in this fandom': ['Anne Elliot'] });
  assert.doesNotMatch((await app.inject('/tags/Angst')).body, /Wrangle this tag/, 'guests get no wrangling link');
});
