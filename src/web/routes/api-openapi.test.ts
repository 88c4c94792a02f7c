import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildWork } from '../../../test/factories.ts';
import { pseudIdsOf } from '../../accounts/account.repository.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import { webApp } from '../testing.ts';
import { registeredApiRoutes } from './api.ts';
import { api, member, type JsonAnswer } from './api.testing.ts';

/**
 * Keeps /api/v1/openapi.json true: every documented operation is called for real (success and
 * error answers), every answer's status must be documented and its body must validate against
 * the documented schema (JSON Schema 2020-12, with ajv), and the routes the server registers
 * under /api/v1 are exactly the documented ones.
 */

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: { 'application/json': { schema: object } } }> }>> };

/** Every route in Fastify's route tree, as `METHOD /path`. */
function routesFromTree(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/^\/?/, '/').replace(/\/{2,}/g, '/');
    for (const method of m[3]?.split(', ') ?? []) out.push(`${method} ${path}`);
  }
  return out;
}

function validator(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  ajv.addFormat('uri', { validate: (s: string) => URL.canParse(s) });
  ajv.addSchema(doc as object, 'https://quire.test/openapi.json');
  return ajv;
}

async function fixtures(archive: Awaited<ReturnType<typeof webApp>>['archive']) {
  const writer = await member(archive, 'writer', ['read', 'write']);
  const reader = await member(archive, 'reader');
  const work = await archive.works.create(buildWork({ title: 'Sample', creators: ['writer'], tags: ['Angst'], series: [{ title: 'Tides' }], chapters: [{ html: '<p>The first of two.</p>' }, { title: 'Two', html: '<p>The second of two.</p>' }] }));
  const other = await archive.works.create(buildWork({ title: 'Other', tags: ['Angst'], restricted: true }));
  const viewer = viewerOf(reader.account, await pseudIdsOf(archive.store.db, reader.account.id));
  const it = archive.interactions;
  await it.bookmarks.save(viewer, work.id, { notes: 'Good', tags: 'sea' });
  await it.kudos.give({ viewer, ip: '1.1.1.1' }, work.id);
  await it.comments.post({ viewer, ip: '1.1.1.1' }, work.id, { text: 'Nice.' });
  await it.subscriptions.subscribe(viewer, 'series', work.series[0]!.id);
  await it.later.add(viewer, work.id);
  return { writer, reader, work, other };
}

type Sample = { path: string; token?: string; body?: unknown; method?: string; status: number };

test('every documented operation answers as documented, and every /api/v1 route is documented', async (t) => {
  const { archive, app } = await webApp(t);
  const { writer, reader, work, other } = await fixtures(archive);
  const res = await app.inject('/api/v1/openapi.json');
  assert.equal(res.statusCode, 200);
  const doc = JSON.parse(res.body) as Doc;
  assert.equal(doc.openapi, '3.1.0');
  const ajv = validator(doc);
  const seriesId = work.series[0]!.id;

  const samples: Record<string, Sample[]> = {
    listWorks: [{ path: '/works?include=Angst&limit=1', status: 200 }, { path: '/works', token: reader.token, status: 200 }, { path: '/works?rating=x', status: 400 }],
    getWork: [{ path: `/works/${work.id}`, status: 200 }, { path: '/works/999', status: 404 }],
    getChapter: [{ path: `/works/${work.id}/chapters/2`, status: 200 }, { path: `/works/${work.id}/chapters/9`, status: 404 }],
    search: [{ path: '/search?q=sample&facets=3', status: 200 }, { path: '/search', token: reader.token, status: 200 }, { path: '/search?q=%22', status: 400 }],
    listTags: [{ path: '/tags?limit=2', status: 200 }, { path: '/tags?type=nope', status: 400 }],
    getTag: [{ path: '/tags/Angst', status: 200 }, { path: '/tags/None', status: 404 }],
    getSeries: [{ path: `/series/${seriesId}`, status: 200 }, { path: '/series/999', status: 404 }],
    getCreator: [{ path: '/creators/writer', status: 200 }, { path: '/creators/nobody', status: 404 }],
    listCreatorWorks: [{ path: '/creators/writer/works?limit=1', status: 200 }, { path: '/creators/nobody/works', status: 404 }],
    getOpenApi: [{ path: '/openapi.json', status: 200 }],
    getMe: [{ path: '/me', token: reader.token, status: 200 }, { path: '/me', status: 401 }, { path: '/me', token: 'qpat_bad', status: 401 }],
    listMyBookmarks: [{ path: '/me/bookmarks', token: reader.token, status: 200 }],
    listMyKudos: [{ path: '/me/kudos', token: reader.token, status: 200 }],
    listMyComments: [{ path: '/me/comments', token: reader.token, status: 200 }],
    listMySubscriptions: [{ path: '/me/subscriptions', token: reader.token, status: 200 }],
    listMyLater: [{ path: '/me/later', token: reader.token, status: 200 }],
    ...writeSamples(work.id, other.id, writer.token, reader.token),
  };

  const seen = new Set<string>();
  const order = Object.keys(samples);
  const ops = Object.values(doc.paths).flatMap((methods) => Object.entries(methods).map(([method, op]) => ({ method, op })));
  ops.sort((a, b) => order.indexOf(a.op.operationId) - order.indexOf(b.op.operationId));
  for (const { method, op } of ops) {
    const list = samples[op.operationId];
    assert.ok(list && list.length > 0, `no sample requests for ${op.operationId}: add some to this test`);
    for (const s of list) {
      const answer: JsonAnswer = await api(app, (s.method ?? method).toUpperCase(), s.path, { ...(s.token ? { token: s.token } : {}), ...(s.body !== undefined ? { body: s.body } : {}) });
      const where = `${op.operationId} ${s.path} → ${answer.status}`;
      assert.equal(answer.status, s.status, `${where}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      const documented = op.responses[String(answer.status)];
      assert.ok(documented, `${where}: status not documented`);
      if (answer.status === 204) {
        seen.add(op.operationId);
        continue;
      }
      const schema = documented.content?.['application/json']?.schema;
      assert.ok(schema, `${where}: no schema`);
      const ref = (schema as { $ref: string }).$ref;
      const validate = ajv.getSchema(`https://quire.test/openapi.json${ref}`);
      assert.ok(validate, `${where}: ${ref} is not in the document`);
      assert.ok(validate(answer.body), `${where}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body).slice(0, 500)}`);
      if (answer.status < 300) seen.add(op.operationId);
    }
  }
  const workSchema = ajv.getSchema('https://quire.test/openapi.json#/components/schemas/Work')!;
  const real = (await api(app, 'GET', `/works/${other.id}`, { token: reader.token })).body;
  assert.equal(workSchema(real), true);
  assert.equal(workSchema({ ...real, surprise: 1 }), false, 'an undocumented field fails');
  assert.equal(workSchema({ ...real, words: '12' }), false, 'a wrong type fails');
  const operations = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
  assert.deepEqual([...seen].sort(), [...operations].sort(), 'every operation answered with success at least once');

  const documented = Object.entries(doc.paths).flatMap(([p, m]) => Object.keys(m).map((method) => `${method.toUpperCase()} /api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`)).sort();
  assert.equal(new Set(documented).size, documented.length);
  const plugin = registeredApiRoutes(app).filter((r) => !r.startsWith('HEAD ')).sort();
  assert.deepEqual(plugin, documented, 'the API plugin registers exactly the documented routes');
  const everywhere = routesFromTree(app.printRoutes({ commonPrefix: false })).filter((r) => / \/api\//.test(r) && !r.startsWith('HEAD ')).sort();
  assert.ok(everywhere.includes('GET /api/v1/creators/:name/works'), 'the route tree parser finds nested routes');
  assert.deepEqual(everywhere, documented, 'no /api route exists outside the document');
});

test('the document declares its schemas and security, and every error answer uses the Error schema', async (t) => {
  const { app } = await webApp(t);
  const doc = JSON.parse((await app.inject('/api/v1/openapi.json')).body);
  assert.equal(doc.jsonSchemaDialect, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
  for (const name of ['Work', 'WorkSummary', 'Chapter', 'Tag', 'Series', 'Creator', 'WorkList', 'SearchResult', 'Error']) assert.ok(doc.components.schemas[name], name);
  assert.equal(doc.components.schemas.Work.additionalProperties, false, 'undocumented fields fail validation');
  for (const methods of Object.values(doc.paths) as Record<string, any>[]) {
    for (const op of Object.values(methods)) {
      for (const [status, r] of Object.entries(op.responses) as [string, any][]) {
        if (Number(status) >= 400) assert.equal(r.content['application/json'].schema.$ref, '#/components/schemas/Error', `${op.operationId} ${status}`);
      }
    }
  }
});

/** Sample requests of the write operations, in an order that works (each may use what the one before made). */
function writeSamples(workId: number, otherId: number, writeToken: string, readToken: string): Record<string, Sample[]> {
  const work = {
    title: 'Posted by API', rating: 'general', warnings: ['No Archive Warnings Apply'], fandoms: ['Test Fandom'], language: 'en',
    chapters: [{ text: 'A first chapter long enough.' }, { text: 'A second chapter long enough.' }],
  };
  return {
    createWork: [
      { path: '/works', token: writeToken, body: work, status: 201 },
      { path: '/works', token: writeToken, body: { ...work, title: '' }, status: 422 },
      { path: '/works', token: readToken, body: work, status: 403 },
      { path: '/works', body: work, status: 401 },
    ],
    updateWork: [{ path: `/works/${workId}`, token: writeToken, body: { title: 'Sample, revised' }, status: 200 }, { path: '/works/999', token: writeToken, body: { title: 'x' }, status: 404 }],
    addChapter: [{ path: `/works/${workId}/chapters`, token: writeToken, body: { text: 'A third chapter long enough.' }, status: 201 }, { path: `/works/${workId}/chapters`, token: writeToken, body: { text: 'x' }, status: 422 }],
    updateChapter: [{ path: `/works/${workId}/chapters/3`, token: writeToken, body: { title: 'Three' }, status: 200 }],
    deleteChapter: [{ path: `/works/${workId}/chapters/3`, token: writeToken, status: 204 }, { path: `/works/${workId}/chapters/9`, token: writeToken, status: 404 }],
    giveKudos: [{ path: `/works/${workId}/kudos`, token: readToken, status: 403 }, { path: `/works/${workId}/kudos`, token: writeToken, status: 403 }, { path: `/works/${otherId}/kudos`, token: writeToken, status: 200 }],
    saveBookmark: [{ path: `/works/${workId}/bookmark`, token: writeToken, body: { tags: ['mine'] }, status: 200 }],
    deleteBookmark: [{ path: '/me/bookmarks/999', token: writeToken, status: 404 }, { path: '/me/bookmarks/2', token: writeToken, status: 204 }],
    postComment: [{ path: `/works/${workId}/comments`, token: writeToken, body: { text: 'A note to self.' }, status: 201 }],
    subscribe: [{ path: '/me/subscriptions', token: writeToken, body: { kind: 'work', target_id: workId }, status: 201 }, { path: '/me/subscriptions', token: writeToken, body: { kind: 'shelf', target_id: 1 }, status: 422 }],
    unsubscribe: [{ path: '/me/subscriptions/999', token: writeToken, status: 404 }, { path: '/me/subscriptions/2', token: writeToken, status: 204 }],
    markForLater: [{ path: `/me/later/${workId}`, token: writeToken, status: 204 }],
    unmarkForLater: [{ path: `/me/later/${workId}`, token: writeToken, status: 204 }],
    deleteWork: [{ path: '/works/999', token: writeToken, status: 404 }, { path: `/works/${workId}`, token: writeToken, status: 204 }],
  };
}
