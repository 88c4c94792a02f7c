import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { csrfTokenIn } from '../../src/web/routes/account.testing.ts';

/** Form fields; a list repeats its field. */
export type Form = Record<string, string | readonly string[]>;

/** Every method a matrix probe may use (the JSON API adds PUT, PATCH and DELETE). */
export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let address = 0;

/** A fresh documentation-range address per request, so the per-address rate limits never trip in a big matrix. */
function nextIp(): string {
  address++;
  return `198.18.${(address >> 8) & 255}.${address & 255}`;
}

/**
 * A cookie-keeping client for the matrix tests: like account.testing.ts's Browser, but every
 * request comes from a new address (hundreds of requests per viewer would trip the rate limit),
 * and it keeps one CSRF token, taken from any form, for every POST (the token is not tied to a form).
 */
export class Client {
  readonly cookies = new Map<string, string>();
  private token: string | undefined;

  /**
   * @param authorization For the API and OPDS: the `Authorization` header to send (`Bearer …` or
   *   `Basic …`; none for a guest) — such a client sends no cookies and posts JSON, not forms.
   */
  constructor(
    private readonly app: FastifyInstance,
    readonly name: string,
    private readonly authorization?: { header: string | undefined },
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    const raw = res.headers['set-cookie'];
    for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      if (value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(key);
      else this.cookies.set(key, value);
    }
    return res;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    if (this.authorization) return { 'user-agent': 'MatrixReader/1.0', ...(this.authorization.header ? { authorization: this.authorization.header } : {}), ...extra };
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '), 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', ...extra };
  }

  async request(method: Method, url: string, form?: Form, json?: unknown): Promise<LightMyRequestResponse> {
    if (this.authorization) {
      const body = json === undefined ? {} : { payload: JSON.stringify(json), headers: this.headers({ 'content-type': 'application/json' }) };
      return this.app.inject({ method, url, remoteAddress: nextIp(), headers: this.headers(), ...body });
    }
    if (method !== 'POST') return this.keep(await this.app.inject({ method, url, remoteAddress: nextIp(), headers: this.headers() }));
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...(form ?? {}), _csrf: await this.csrf() })) for (const one of typeof v === 'string' ? [v] : v) params.append(k, one);
    return this.send(url, 'application/x-www-form-urlencoded', params.toString());
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url);
  }

  /** POSTs a form with this client's CSRF token added. */
  post(url: string, form: Form = {}): Promise<LightMyRequestResponse> {
    return this.request('POST', url, form);
  }

  /** POSTs a raw body (no token added). */
  async send(url: string, contentType: string, payload: string | Buffer): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'POST', url, remoteAddress: nextIp(), headers: this.headers({ 'content-type': contentType }), payload }));
  }

  /** A CSRF token for this client's cookie (from the log-in form, which every visitor is shown). */
  async csrf(): Promise<string> {
    if (this.token === undefined) {
      const page = await this.get(this.cookies.size > 0 ? '/account' : '/login');
      this.token = csrfTokenIn(page.body);
    }
    return this.token;
  }

  /** Signs up through the form and stays logged in. */
  async signUp(username: string): Promise<void> {
    const page = await this.get('/signup');
    const res = await this.send(
      '/signup',
      'application/x-www-form-urlencoded',
      new URLSearchParams({ username, email: `${username.toLowerCase()}@example.org`, password: 'a quiet lantern', password_confirm: 'a quiet lantern', _csrf: csrfTokenIn(page.body, '/signup') }).toString(),
    );
    if (res.statusCode !== 303) throw new Error(`signing up ${username}: ${res.statusCode}\n${res.body.slice(0, 500)}`);
    this.token = undefined;
  }
}
