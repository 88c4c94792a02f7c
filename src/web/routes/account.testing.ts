import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue } from 'domutils';
import { archiveOn, type Archive } from '../../archive.ts';
import { outboxDir } from '../../mail/mailer.ts';
import { memoryStore } from '../../store/store.ts';
import { testConfig } from '../../../test/factories.ts';
import { buildServer } from '../server.ts';

/** Test helpers for accounts on the web: an app with a data directory (for the outbox), a movable clock, and a cookie-keeping client. */

export interface AccountsHarness {
  archive: Archive;
  app: FastifyInstance;
  dataDir: string;
  /** Moves the archive's clock forward. */
  advance(ms: number): void;
  /** The outbox's messages, oldest first, as text. */
  outbox(): string[];
}

/** A fresh archive (in-memory database, temporary data directory) and its app; removed when `t` ends. */
export async function accountsApp(t: TestContext, overrides: Partial<Record<'signup' | 'baseUrl' | 'archiveName', string>> = {}): Promise<AccountsHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-accounts-'));
  let now = Date.parse('2025-03-01T12:00:00Z');
  const config = { ...testConfig(overrides), dataDir };
  const archive = archiveOn(config, await memoryStore(), { clock: () => new Date(now) });
  const app = await buildServer(archive);
  t.after(async () => {
    await app.close();
    await archive.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const dir = outboxDir(dataDir);
  return {
    archive,
    app,
    dataDir,
    advance: (ms) => {
      now += ms;
    },
    outbox: () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : []),
  };
}

/** The reset link in a message (the body is 8bit text, so the link is there as written). */
export function resetLinkIn(message: string): string {
  const m = /https?:\/\/\S+\/password\/reset\?token=[A-Za-z0-9_%-]+/.exec(message);
  if (!m) throw new Error('no reset link in the message');
  return m[0];
}

/** The value of the hidden `_csrf` field of the form posting to `action` (the first form, when no action is given). */
export function csrfTokenIn(body: string, action?: string): string {
  const doc = parseDocument(body);
  const forms = findAll((el) => el.name === 'form' && (!action || getAttributeValue(el, 'action') === action), doc.children);
  for (const form of forms) {
    const input = findAll((el) => el.name === 'input' && getAttributeValue(el, 'name') === '_csrf', form.children)[0];
    if (input) return getAttributeValue(input, 'value') ?? '';
  }
  throw new Error(`no form posting to ${action ?? '(any)'} with a CSRF field`);
}

/** A browser in miniature: keeps cookies, submits forms with their CSRF token. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie header seen, as sent (for asserting the flags). */
  readonly setCookies: string[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '203.0.113.7',
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    const raw = res.headers['set-cookie'];
    for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      this.setCookies.push(line);
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  private static readonly UA = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0';

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { cookie: this.cookieHeader(), 'user-agent': Browser.UA } }));
  }

  /** POSTs `fields` as a form body, exactly as given (no token added); a list repeats its field (checkboxes). */
  async post(url: string, fields: Record<string, string | readonly string[]>): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of typeof v === 'string' ? [v] : v) params.append(k, one);
    return this.send(url, 'application/x-www-form-urlencoded', params.toString());
  }

  /** POSTs a raw body with its content type (e.g. multipart/form-data for an upload). */
  async send(url: string, contentType: string, payload: string | Buffer): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader(), 'content-type': contentType, 'user-agent': Browser.UA },
        payload,
      }),
    );
  }

  /** Opens `page`, takes the CSRF token of its form posting to `action`, and submits `fields` with it. */
  async submit(page: string, action: string, fields: Record<string, string | readonly string[]>): Promise<LightMyRequestResponse> {
    const form = await this.get(page);
    return this.post(action, { ...fields, _csrf: csrfTokenIn(form.body, action) });
  }

  /** Signs up through the form (open sign-up) and returns the response. */
  signUp(username: string, password = 'a quiet lantern', email = `${username.toLowerCase()}@example.org`, invitation?: string): Promise<LightMyRequestResponse> {
    return this.submit('/signup', '/signup', { username, email, password, password_confirm: password, ...(invitation ? { invitation } : {}) });
  }

  logIn(login: string, password: string, returnTo?: string): Promise<LightMyRequestResponse> {
    return this.submit(returnTo ? `/login?return_to=${encodeURIComponent(returnTo)}` : '/login', '/login', { login, password, ...(returnTo ? { return_to: returnTo } : {}) });
  }
}
