import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Archive } from '../../archive.ts';
import { QuireError } from '../../errors.ts';
import { checkedRules } from '../../profiles/profiles.service.ts';
import { emptyRules, type FilterRules } from '../../profiles/rules.ts';
import { FREE_TAG_TYPES, cleanTagName, foldName, type FreeTagType } from '../../tags/tag.types.ts';
import { LANGUAGES, languageName } from '../../works/language.ts';
import { queryString } from '../params.ts';
import { sendPage } from '../render.ts';
import type { FormErrors } from '../views/account-fields.ts';
import { filtersPage, type FiltersView } from '../views/profile-page.ts';
import type { FormValues } from '../views/work-form-controls.ts';
import { errorStatus, formFields, noStore, safeReturnTo, serviceErrors } from './auth-forms.ts';
import { filterValues, parseFilterForm, rulesToValues } from './profiles-form.ts';
import { clearFilterCookie, guestCookieRules, setFilterCookie } from './profiles-hook.ts';

/** Fixed messages for `/filters?done=…` (never text from the request). */
const NOTICES: Record<string, string> = {
  saved: 'Your filters were saved.',
  cleared: 'Your filters were cleared: nothing is hidden now.',
  'tag-hidden': 'That tag is hidden now: works with it no longer appear in your listings.',
  'creator-hidden': 'That creator is hidden now: their works no longer appear in your listings.',
};

const hideForm = z.object({
  kind: z.enum(['tag', 'creator'], { error: 'kind must be "tag" or "creator"' }),
  name: z.string().trim().min(1, 'name is empty').max(200, 'name is too long'),
  back: z.string(),
});

/** A local path to offer as "back" (same rule as `return_to`), or undefined. */
function localBack(value: string | undefined): string | undefined {
  return value && safeReturnTo(value) === value ? value : undefined;
}

/**
 * `/filters`: the reader's "never show me" rules (docs/filter-profiles.md). A member's are saved
 * with the account (`archive.filterProfiles`); a guest's in the signed `quire_filters` cookie.
 * `POST /filters` saves, `POST /filters/clear` forgets, and `POST /filters/hide` (kind, name,
 * back) adds one tag or pen name in one click. Every POST carries its CSRF token.
 */
export function registerProfileRoutes(app: FastifyInstance, archive: Archive): void {
  const profiles = archive.filterProfiles;
  const config = archive.config;

  const member = (req: FastifyRequest): number | undefined => (req.viewer.kind === 'member' ? req.viewer.accountId : undefined);

  async function currentRules(req: FastifyRequest): Promise<FilterRules> {
    const id = member(req);
    return id !== undefined ? profiles.get(id) : (guestCookieRules(req) ?? emptyRules());
  }

  async function show(req: FastifyRequest, reply: FastifyReply, form?: { values: FormValues; errors: FormErrors }, status = 200): Promise<FastifyReply> {
    const id = member(req);
    let values = form?.values;
    let unknownTags: string[] = [];
    if (!values) {
      const rules = await currentRules(req);
      const kinds = await profiles.tagKinds(rules.tags);
      unknownTags = rules.tags.filter((t) => !kinds.has(foldName(t)));
      values = rulesToValues(rules, kinds, await profiles.pseudNames(rules.creators));
    }
    const includeRestricted = req.viewer.kind !== 'guest';
    const suggestions = {} as Record<FreeTagType, string[]>;
    for (const type of FREE_TAG_TYPES) suggestions[type] = await profiles.suggestions(type, { includeRestricted });
    const saved = Array.isArray(values.languages) ? values.languages : [];
    const codes = [...new Set([...Object.keys(LANGUAGES), ...(await profiles.languagesInUse()), ...saved])];
    const done = queryString(req.query, 'done');
    const view: FiltersView = {
      member: id !== undefined,
      values,
      errors: form?.errors ?? {},
      message: form ? undefined : done ? NOTICES[done] : undefined,
      suggestions,
      languages: codes.map((code) => ({ code, name: languageName(code) === code ? code : `${languageName(code)} (${code})` })),
      unknownTags,
      muted: id !== undefined ? (await archive.interactions.mutes.targets(id)).length : undefined,
      back: localBack(queryString(req.query, 'back')),
    };
    noStore(reply);
    return sendPage(reply, config, { title: ['Filters'], body: filtersPage(reply, view) }, status);
  }

  /** Saves rules for a member, or into the cookie for a guest (throws `validation_failed` past a limit). */
  async function store(req: FastifyRequest, reply: FastifyReply, rules: Partial<FilterRules>): Promise<void> {
    const id = member(req);
    if (id !== undefined) await profiles.save(id, rules);
    else setFilterCookie(reply, config, checkedRules(rules));
  }

  app.get('/filters', async (req, reply) => show(req, reply));

  app.post('/filters', { preHandler: app.csrfProtection }, async (req, reply) => {
    const values = filterValues(req.body);
    const parsed = parseFilterForm(values);
    if (!parsed.ok) return show(req, reply, { values, errors: parsed.errors }, 422);
    const { found, unknown } = await profiles.pseudsByName(parsed.form.creatorNames);
    if (unknown.length > 0) {
      const names = unknown.slice(0, 5).map((n) => `“${n.slice(0, 40)}”`).join(', ');
      const message = `${unknown.length === 1 ? 'has a name that is' : 'have names that are'} no pen name on this archive: ${names}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`;
      return show(req, reply, { values, errors: { creators: message } }, 422);
    }
    try {
      await store(req, reply, { ...parsed.form.rules, creators: found.map((c) => c.id) });
    } catch (err) {
      const errors = serviceErrors(err);
      if (!errors) throw err;
      return show(req, reply, { values, errors }, errorStatus(err));
    }
    return reply.redirect('/filters?done=saved', 303);
  });

  app.post('/filters/clear', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = member(req);
    if (id !== undefined) await profiles.clear(id);
    else clearFilterCookie(reply, config);
    return reply.redirect('/filters?done=cleared', 303);
  });

  app.post('/filters/hide', { preHandler: app.csrfProtection }, async (req, reply) => {
    const parsed = hideForm.safeParse(formFields(req.body, ['kind', 'name', 'back']));
    if (!parsed.success) throw new QuireError('bad_request', parsed.error.issues[0]!.message);
    const { kind, name, back } = parsed.data;
    const rules = await currentRules(req);
    if (kind === 'tag') {
      const tag = cleanTagName(name);
      rules.tags.push(tag);
    } else {
      const { found } = await profiles.pseudsByName([name]);
      const pseud = found[0];
      if (!pseud) throw new QuireError('not_found', `there is no creator "${name.slice(0, 100)}"`);
      rules.creators.push(pseud.id);
    }
    await store(req, reply, rules);
    const target = localBack(back);
    return reply.redirect(`/filters?done=${kind}-hidden${target ? `&back=${encodeURIComponent(target)}` : ''}`, 303);
  });
}
