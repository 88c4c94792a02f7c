import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Archive } from '../../archive.ts';
import { QuireError, isQuireError } from '../../errors.ts';
import { tagRelations } from '../../tags/tag-relations.ts';
import { queueSummaries, specialCounts, unwrangledQueue, type QueueKey } from '../../tags/wrangling.queue.ts';
import { BULK_ACTIONS, requireWrangler } from '../../tags/wrangling.service.ts';
import { parseId } from '../params.ts';
import { sendPage } from '../render.ts';
import { auditPage, queueHref, queuePage, wranglingIndexPage, wranglingTagHref } from '../views/wrangling.ts';
import { tagEditPage } from '../views/wrangling-tag.ts';
import { formFields, noStore } from './auth-forms.ts';

const AUDIT_PAGE = 50;
const MAX_BULK = 1000;
const TAG_ACTIONS = ['canonical', 'synonym', 'unwrangleable', 'rename', 'add_metatag', 'remove_metatag', 'add_subtag', 'remove_subtag', 'add_parent', 'remove_parent'] as const;
const tagActionForm = z.object({ action: z.enum(TAG_ACTIONS, { error: 'choose an action' }), target: z.string().trim().max(150), target_id: z.string(), name: z.string().max(300) });
const bulkForm = z.object({ action: z.enum(BULK_ACTIONS, { error: 'choose what to do with the tags' }), target: z.string().trim().max(150), fandom: z.string() });

/** Every wrangling page is for wranglers and administrators: 403 for everyone else, guests included. */
function wranglerOnly(req: FastifyRequest): void {
  requireWrangler(req.viewer);
}

function queueKey(raw: string | undefined): QueueKey {
  if (raw === 'fandoms' || raw === 'none') return raw;
  return parseId(raw ?? '', 'fandom');
}

/** The message of an expected failure (re-shown on the form), or rethrows. */
function failure(err: unknown): string {
  if (isQuireError(err) && ['validation_failed', 'not_found', 'tag_name_taken', 'conflict'].includes(err.code)) return err.message;
  throw err;
}

/**
 * `/wrangling…`: the queues of unwrangled tags per fandom with a bulk form, one tag's page with
 * every wrangling change, and the audit log (docs/wrangling.md). Every change goes through
 * `archive.wrangling`, which checks the role again, audits, and updates search at once.
 */
export function registerWranglingRoutes(app: FastifyInstance, archive: Archive): void {
  const db = archive.store.db;
  const w = archive.wrangling;

  app.get('/wrangling', async (req, reply) => {
    wranglerOnly(req);
    noStore(reply);
    const scope = { includeHidden: req.viewer.admin === true };
    const [fandoms, special] = [await queueSummaries(db, scope), await specialCounts(db, scope)];
    return sendPage(reply, archive.config, { title: ['Tag wrangling'], body: wranglingIndexPage({ fandoms, special }) });
  });

  const showQueue = async (req: FastifyRequest, reply: FastifyReply, key: QueueKey, extra: { error?: string; done?: number; target?: string; action?: string } = {}, status = 200) => {
    noStore(reply);
    const fandom = typeof key === 'number' ? await w.tag(req.viewer, key).catch((err: unknown) => (isQuireError(err) && err.code === 'not_found' ? undefined : Promise.reject(err))) : undefined;
    if (typeof key === 'number' && (!fandom || fandom.type !== 'fandom')) throw new QuireError('not_found', `there is no fandom ${key}`);
    const title = key === 'fandoms' ? 'Unwrangled fandom tags' : key === 'none' ? 'Unwrangled tags on works with no canonical fandom' : `Unwrangled tags in ${fandom!.name}`;
    const entries = await unwrangledQueue(db, key, { includeHidden: req.viewer.admin === true });
    return sendPage(reply, archive.config, { title: [title, 'Wrangling'], body: queuePage(reply, { key: String(key), title, entries, fandomName: fandom?.name, ...extra }) }, status);
  };

  app.get<{ Querystring: { fandom?: string; done?: string } }>('/wrangling/queue', async (req, reply) => {
    wranglerOnly(req);
    const done = /^[0-9]{1,6}$/.test(req.query.done ?? '') ? Number(req.query.done) : undefined;
    return showQueue(req, reply, queueKey(req.query.fandom), { done });
  });

  app.post('/wrangling/queue', { preHandler: app.csrfProtection }, async (req, reply) => {
    wranglerOnly(req);
    const f = formFields(req.body, ['action', 'target', 'fandom']);
    const key = queueKey(f.fandom);
    const raw = (req.body as Record<string, unknown> | undefined)?.tags;
    const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    // A queue shows at most 500 tags: more than MAX_BULK is a forged form, refused rather than cut short.
    if (list.length > MAX_BULK) return showQueue(req, reply, key, { error: `tags: choose at most ${MAX_BULK} tags at once`, target: f.target }, 422);
    const ids = list.map((v) => parseId(String(v), 'tag'));
    const parsed = bulkForm.safeParse(f);
    if (!parsed.success) return showQueue(req, reply, key, { error: parsed.error.issues[0]!.message, target: f.target }, 422);
    try {
      const target = parsed.data.action === 'synonym' || parsed.data.action === 'parent' ? (parsed.data.target === '' ? undefined : (await w.byName(parsed.data.target, req.viewer)).id) : undefined;
      await w.bulk(req.viewer, parsed.data.action, ids, target);
    } catch (err) {
      return showQueue(req, reply, key, { error: failure(err), target: f.target, action: parsed.data.action }, 422);
    }
    return reply.redirect(`${queueHref(key)}&done=${ids.length}`, 303);
  });

  app.get<{ Querystring: { name?: string } }>('/wrangling/tags', async (req, reply) => {
    wranglerOnly(req);
    const tag = await w.byName(String(req.query.name ?? '').slice(0, 300), req.viewer);
    return reply.redirect(wranglingTagHref(tag.id), 303);
  });

  const showTag = async (req: FastifyRequest, reply: FastifyReply, id: number, extra: { error?: string; notice?: string } = {}, status = 200) => {
    noStore(reply);
    const tag = await w.tag(req.viewer, id);
    const audit = await w.audit(req.viewer, { tagId: id, limit: 20 });
    return sendPage(reply, archive.config, { title: [tag.name, 'Wrangling'], body: tagEditPage(reply, await tagRelations(db, tag), { audit, ...extra }) }, status);
  };

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/wrangling/tags/:id', async (req, reply) => {
    wranglerOnly(req);
    return showTag(req, reply, parseId(req.params.id, 'tag'), { notice: req.query.done === '1' ? 'Saved.' : undefined });
  });

  app.post<{ Params: { id: string } }>('/wrangling/tags/:id', { preHandler: app.csrfProtection }, async (req, reply) => {
    wranglerOnly(req);
    const id = parseId(req.params.id, 'tag');
    const parsed = tagActionForm.safeParse(formFields(req.body, ['action', 'target', 'target_id', 'name']));
    if (!parsed.success) return showTag(req, reply, id, { error: parsed.error.issues[0]!.message }, 422);
    const { action, target, target_id: targetId, name } = parsed.data;
    const v = req.viewer;
    try {
      const other = async () => {
        if (targetId !== '') return parseId(targetId, 'tag');
        if (target === '') throw new QuireError('validation_failed', 'name a tag');
        return (await w.byName(target, v)).id;
      };
      if (action === 'canonical') await w.canonical(v, id);
      else if (action === 'synonym') await w.synonym(v, id, await other());
      else if (action === 'unwrangleable') await w.unwrangleable(v, id);
      else if (action === 'rename') await w.rename(v, id, name);
      else if (action === 'add_metatag') await w.addMetatag(v, id, await other());
      else if (action === 'remove_metatag') await w.removeMetatag(v, id, await other());
      else if (action === 'add_subtag') await w.addMetatag(v, await other(), id);
      else if (action === 'remove_subtag') await w.removeMetatag(v, await other(), id);
      else if (action === 'add_parent') await w.addParentFandom(v, id, await other());
      else await w.removeParentFandom(v, id, await other());
    } catch (err) {
      return showTag(req, reply, id, { error: failure(err) }, 422);
    }
    return reply.redirect(`${wranglingTagHref(id)}?done=1`, 303);
  });

  app.get<{ Querystring: { page?: string } }>('/wrangling/audit', async (req, reply) => {
    wranglerOnly(req);
    noStore(reply);
    const page = /^[0-9]{1,5}$/.test(req.query.page ?? '') ? Math.max(1, Number(req.query.page)) : 1;
    const entries = await w.audit(req.viewer, { limit: AUDIT_PAGE + 1, offset: (page - 1) * AUDIT_PAGE });
    return sendPage(reply, archive.config, { title: ['Audit log', 'Wrangling'], body: auditPage(entries.slice(0, AUDIT_PAGE), page, entries.length > AUDIT_PAGE) });
  });
}
