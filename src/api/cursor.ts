import { createHash } from 'node:crypto';
import { QuireError } from '../errors.ts';

/**
 * Cursors: opaque base64url strings that say where the next page starts. Lists the database
 * orders carry the last item's sort key and id (keyset paging: stable while items are added);
 * search results carry the next page number, because the search engine pages by offset, and a
 * fingerprint of the query, so a cursor cannot be used with other filters or another limit.
 * The inside is not a contract: clients pass `next_cursor` back as it is.
 */
export type KeyCursor = { k: [string | number, number] };
export type PageCursor = { p: number; f: string };

const INVALID = 'cursor is not one this API gave out for this list (use next_cursor as it is, with the same parameters)';

export const LIST_LIMITS = { default: 20, max: 100 } as const;

function encode(value: object): string {
  return Buffer.from(JSON.stringify({ v: 1, ...value }), 'utf8').toString('base64url');
}

function decode(cursor: string): Record<string, unknown> {
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new QuireError('bad_request', INVALID);
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && (value as { v?: unknown }).v === 1) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new QuireError('bad_request', INVALID);
}

/** The cursor after an item whose sort key is `key` and id `id`. */
export function keyCursor(key: string | number, id: number): string {
  return encode({ k: [key, id] });
}

/** The sort key and id a key cursor holds; undefined for no cursor. `keyType` is the key's type. */
export function readKeyCursor(cursor: string | undefined, keyType: 'string' | 'number'): [string | number, number] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const k = decode(cursor).k;
  if (Array.isArray(k) && k.length === 2 && typeof k[0] === keyType && Number.isSafeInteger(k[1])) return [k[0] as string | number, k[1] as number];
  throw new QuireError('bad_request', INVALID);
}

/** A short fingerprint of a query's parameters (sorted), so a page cursor stays with its query. */
export function fingerprint(params: Record<string, unknown>): string {
  const sorted = Object.keys(params).sort().map((k) => [k, params[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 11);
}

/** The cursor of page `page` of the query with this fingerprint. */
export function pageCursor(page: number, queryFingerprint: string): string {
  return encode({ p: page, f: queryFingerprint });
}

/** The page a page cursor points at (1 for no cursor); `bad_request` when it belongs to another query. */
export function readPageCursor(cursor: string | undefined, queryFingerprint: string): number {
  if (cursor === undefined || cursor === '') return 1;
  const { p, f } = decode(cursor);
  if (typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 1_000_000 && f === queryFingerprint) return p;
  throw new QuireError('bad_request', INVALID);
}

/** The `limit` parameter of a list: 20 when absent, 1–100; anything else is `bad_request`. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return LIST_LIMITS.default;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > LIST_LIMITS.max) {
    throw new QuireError('bad_request', `limit must be a whole number from 1 to ${LIST_LIMITS.max}, got "${raw.slice(0, 20)}"`);
  }
  return Number(raw);
}
