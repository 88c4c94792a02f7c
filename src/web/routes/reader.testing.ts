import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { WorkInput, Work } from '../../works/work.types.ts';
import { buildWork } from '../../../test/factories.ts';
import { accountsApp, Browser, csrfTokenIn, type AccountsHarness } from './account.testing.ts';

/** Test helpers for the reader's pages: members signed up through the form, works made directly. */
export interface ReaderWebHarness extends AccountsHarness {
  /** Signs up `username` in a new browser (at `ip`) and returns it, logged in. */
  member(username: string, ip?: string): Promise<Browser>;
  guest(ip?: string): Browser;
  work(overrides?: Partial<WorkInput>): Promise<Work>;
}

export async function readerApp(t: TestContext): Promise<ReaderWebHarness> {
  const h = await accountsApp(t);
  return {
    ...h,
    member: async (username, ip) => {
      const b = new Browser(h.app, ip);
      const res = await b.signUp(username);
      assert.equal(res.statusCode, 303, `signing up ${username}`);
      return b;
    },
    guest: (ip = '198.51.100.20') => new Browser(h.app, ip),
    work: (overrides = {}) => h.archive.works.create(buildWork(overrides)),
  };
}

/** Submits the form posting to `action` found on `page`, adding its hidden fields and CSRF token to `fields`. */
export async function submitOn(b: Browser, page: string, action: string, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const res = await b.get(page);
  assert.equal(res.statusCode, 200, `GET ${page}`);
  return b.post(action, { ...hiddenFieldsOf(res.body, action), ...fields, _csrf: csrfTokenIn(res.body, action) });
}

/** The hidden inputs of the first form posting to `action`. */
export function hiddenFieldsOf(body: string, action: string): Record<string, string> {
  const start = body.indexOf(`action="${action.replace(/&/g, '&amp;')}"`);
  assert.ok(start >= 0, `a form posts to ${action}`);
  const form = body.slice(start, body.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    if (m[1] !== '_csrf') out[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  return out;
}
