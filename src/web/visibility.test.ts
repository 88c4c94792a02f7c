import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWork } from '../../test/factories.ts';
import { parsePage, webApp } from './testing.ts';

test('drafts, restricted and hidden works are 404 everywhere for guests and absent from every list', async (t) => {
  const { archive, app } = await webApp(t);
  const visible = await archive.works.create(buildWork({ title: 'Public Work', fandoms: ['Shared Fandom'], creators: ['open pen'], series: [{ title: 'Mixed Series' }] }));
  const secret = (kind: string) => buildWork({
    title: `Secret ${kind}`,
    fandoms: ['Shared Fandom', `Only ${kind} Fandom`],
    tags: [`Only ${kind} Tag`],
    creators: [`${kind} pen`],
    series: [{ title: 'Mixed Series' }, { title: `Only ${kind} Series` }],
    chapters: [{ html: `<p>Text of the ${kind} work, chapter one.</p>` }, { html: `<p>Text of the ${kind} work, chapter two.</p>` }],
  });
  const draft = await archive.works.create({ ...secret('draft'), status: 'draft' });
  const restricted = await archive.works.create({ ...secret('restricted'), restricted: true });
  const hidden = await archive.works.create(secret('hidden'));
  await archive.store.db.updateTable('works').set({ hidden: 1 }).where('id', '=', hidden.id).execute();

  for (const [kind, work] of [['draft', draft], ['restricted', restricted], ['hidden', hidden]] as const) {
    const own = [`/works/${work.id}`, `/works/${work.id}?view=full`, `/works/${work.id}/chapters/1`, `/works/${work.id}/chapters/2`,
      `/tags/${encodeURIComponent(`Only ${kind} Tag`)}`, `/tags/${encodeURIComponent(`Only ${kind} Fandom`)}`,
      `/series/${work.series.find((s) => s.title.startsWith('Only'))!.id}`, `/creators/${encodeURIComponent(`${kind} pen`)}`];
    for (const url of own) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, `${url} (${kind})`);
      assert.ok(!res.body.includes(`Text of the ${kind} work`));
      assert.ok(!res.body.includes(`Secret ${kind}`), `${url} does not name the work`);
    }
  }

  const shared = ['/', '/works', '/fandoms', `/tags/${encodeURIComponent('Shared Fandom')}`, `/series/${visible.series[0]!.id}`, '/creators/open%20pen'];
  for (const url of shared) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.ok(!res.body.includes('Secret'), `${url} lists no hidden work`);
    assert.ok(!/Only \w+ Fandom/.test(res.body), `${url} names no hidden fandom`);
  }
  const index = parsePage((await app.inject('/works')).body);
  assert.match(index.text(index.all('p', 'listing-count')[0]), /^1 work$/);
  const fandoms = parsePage((await app.inject('/fandoms')).body);
  assert.match(fandoms.text(), /Shared Fandom \(1\)/, 'counts leave hidden works out');
  const series = parsePage((await app.inject(`/series/${visible.series[0]!.id}`)).body);
  assert.match(series.text(), /Works: 1/);
});
