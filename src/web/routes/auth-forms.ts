import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { emailSchema, passwordSchema, penNameSchema, usernameSchema } from '../../accounts/account.types.ts';
import { isQuireError } from '../../errors.ts';
import type { FormErrors } from '../views/account-fields.ts';

/**
 * The edge of the account forms: what a form body may hold (zod schemas), the errors to show
 * beside each field, and the one rule for `return_to`.
 */

/** The form's fields as single strings (the last value when a field repeats; '' when absent). */
export function formFields<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const src = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out = {} as Record<K, string>;
  for (const name of names) {
    const v = src[name];
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    out[name] = typeof last === 'string' ? last : '';
  }
  return out;
}

const needed = () => z.string().min(1, 'is needed');

function confirmed<T extends { password: string; password_confirm: string }>(v: T, ctx: z.RefinementCtx): void {
  if (v.password !== v.password_confirm) ctx.addIssue({ code: 'custom', path: ['password_confirm'], message: 'does not match the password' });
}

export const signupForm = z
  .object({ username: usernameSchema, email: emailSchema, password: passwordSchema, password_confirm: z.string(), invitation: z.string().trim().max(40, 'is too long') })
  .superRefine(confirmed);

export const loginForm = z.object({ login: needed().max(254, 'is too long'), password: needed() });

export const forgotForm = z.object({ email: emailSchema });

export const resetForm = z.object({ token: z.string(), password: passwordSchema, password_confirm: z.string() }).superRefine(confirmed);

export const emailForm = z.object({ email: emailSchema, current_password: needed() });

export const passwordForm = z.object({ current_password: needed(), password: passwordSchema, password_confirm: z.string() }).superRefine(confirmed);

export const penNameForm = z.object({ name: penNameSchema });

export const deleteForm = z.object({
  works: z.enum(['orphan', 'delete'], { error: 'choose whether to orphan or delete your works' }),
  password: needed(),
});

export const invitationsForm = z.object({ count: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50') });

/** The first problem per field from a zod failure. */
export function zodErrors(error: z.ZodError): FormErrors {
  const out: FormErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '_form');
    out[name] ??= issue.message;
  }
  return out;
}

/**
 * The field errors a service failure carries (a `validation_failed` QuireError), or, for a
 * `rate_limited` one, a form-wide message; undefined for anything else (rethrow it).
 */
export function serviceErrors(err: unknown): FormErrors | undefined {
  if (!isQuireError(err)) return undefined;
  if (err.code === 'rate_limited') return { _form: err.message };
  if (err.code !== 'validation_failed') return undefined;
  const out: FormErrors = {};
  for (const issue of err.issues) out[issue.field || '_form'] ??= issue.message;
  if (Object.keys(out).length === 0) out._form = err.message;
  return out;
}

/** The status a form re-shown with `errors` answers with: 429 when it was a limit, else 422. */
export function errorStatus(err: unknown): number {
  return isQuireError(err) && err.code === 'rate_limited' ? 429 : 422;
}

/**
 * Where to go after logging in: only a local path (one leading `/`, not `//` or `/\`, no
 * control characters or backslashes), else `/`. This is what keeps `return_to` from being an
 * open redirect.
 *
 * @example safeReturnTo('/works/3') === '/works/3'; safeReturnTo('//evil.example') === '/'
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\x00-\x1f\x7f]/.test(value)) return '/';
  try {
    const url = new URL(value, 'http://quire.invalid');
    if (url.origin !== 'http://quire.invalid') return '/';
  } catch {
    return '/';
  }
  return value;
}

/** Pages with a form bound to this browser, or about one account, are never stored by caches. */
export function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'private, no-store');
}
