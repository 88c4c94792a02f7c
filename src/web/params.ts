import { z } from 'zod';
import { QuireError, notFound } from '../errors.ts';

/**
 * Validation of what arrives in URLs. Ids that are not positive whole numbers are "not found"
 * (a lasting URL either names a thing or it does not); bad query values are `bad_request`.
 */
const ID = /^[1-9][0-9]{0,14}$/;

/** `parseId('12', 'work') === 12`; anything else (`abc`, `0`, `1e3`, `-1`) throws `not_found`. */
export function parseId(value: string | undefined, what: string): number {
  if (value === undefined || !ID.test(value)) throw notFound(what, JSON.stringify(value ?? ''));
  return Number(value);
}

const pageQuery = z.object({
  page: z.union([z.string(), z.array(z.string())]).optional(),
});

/** The `page` query parameter: 1 when absent; a whole number from 1 to 100000, else `bad_request`. */
export function parsePage(query: unknown): number {
  const parsed = pageQuery.safeParse(query ?? {});
  const raw = parsed.success ? parsed.data.page : undefined;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (value === undefined || value === '') return 1;
  if (!/^[0-9]{1,6}$/.test(value) || Number(value) < 1 || Number(value) > 100000) {
    throw new QuireError('bad_request', `page must be a whole number from 1 to 100000, got "${value.slice(0, 20)}"`);
  }
  return Number(value);
}

/** A single string query parameter (the last one if repeated), or undefined. */
export function queryString(query: unknown, name: string): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  const v = (query as Record<string, unknown>)[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === 'string' ? last : undefined;
}
