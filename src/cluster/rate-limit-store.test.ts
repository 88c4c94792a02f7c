import { test } from 'node:test';
import assert from 'node:assert/strict';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { twoStores } from './cluster.testing.ts';
import { DbRateLimitStore, dbRateLimitStore } from './rate-limit-store.ts';

const MINUTE = 60_000;

function storeOn(db: Kysely<Database>, clock: () => number, opts: { continueExceeding?: boolean } = {}): DbRateLimitStore {
  const Ctor = dbRateLimitStore(db, clock);
  return new Ctor({ ...opts } as never) as DbRateLimitStore;
}

test('two processes count one window per key; it restarts when it ends', async () => {
  const pair = await twoStores();
  try {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const a = storeOn(pair.a.db, () => now);
    const b = storeOn(pair.b.db, () => now);
    assert.deepEqual(await a.increment('ip:203.0.113.1', MINUTE, 3), { current: 1, ttl: MINUTE });
    now += 10_000;
    assert.deepEqual(await b.increment('ip:203.0.113.1', MINUTE, 3), { current: 2, ttl: 50_000 });
    assert.deepEqual(await b.increment('ip:203.0.113.2', MINUTE, 3), { current: 1, ttl: MINUTE }, 'another key has its own count');
    assert.deepEqual(await a.peek('ip:203.0.113.1'), { current: 2, ttl: 50_000 }, 'peek does not count');
    assert.equal((await a.increment('ip:203.0.113.1', MINUTE, 3)).current, 3);
    now += 50_000;
    assert.deepEqual(await b.increment('ip:203.0.113.1', MINUTE, 3), { current: 1, ttl: MINUTE }, 'a new window');
    assert.deepEqual(await a.peek('ip:nobody'), { current: 0, ttl: 0 });
  } finally {
    await pair.close();
  }
});

test('route limits are kept apart from the global one; continueExceeding restarts the window while over', async () => {
  const pair = await twoStores();
  try {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const root = storeOn(pair.a.db, () => now);
    const signup = root.child({ routeInfo: { method: 'POST', url: '/signup' } } as never);
    const strict = root.child({ routeInfo: { method: 'POST', url: '/login' }, continueExceeding: true } as never);
    await root.increment('k', MINUTE, 2);
    assert.equal((await signup.increment('k', MINUTE, 2)).current, 1);
    assert.equal((await strict.increment('k', MINUTE, 1)).current, 1);
    now += 30_000;
    assert.deepEqual(await strict.increment('k', MINUTE, 1), { current: 2, ttl: MINUTE }, 'over the limit: the window starts again');
    assert.deepEqual(await signup.increment('k', MINUTE, 1), { current: 2, ttl: 30_000 }, 'without continueExceeding it keeps its end');
    const keys = (await pair.a.db.selectFrom('rate_limits').select('key').orderBy('key').execute()).map((r) => r.key);
    assert.deepEqual(keys, ['POST /login|k', 'POST /signup|k', 'global|k']);
  } finally {
    await pair.close();
  }
});

test('expired counters are pruned', async () => {
  const pair = await twoStores();
  try {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const store = storeOn(pair.a.db, () => now);
    await store.increment('old', MINUTE, 5);
    now += 2 * MINUTE;
    await store.increment('new', MINUTE, 5);
    const keys = (await pair.a.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    assert.deepEqual(keys, ['global|new']);
  } finally {
    await pair.close();
  }
});

test('through @fastify/rate-limit, two apps over one database share the limit', async () => {
  const pair = await twoStores();
  const app = async (db: Kysely<Database>) => {
    const f = Fastify();
    await f.register(rateLimit, { max: 3, timeWindow: MINUTE, store: dbRateLimitStore(db) });
    f.get('/', async () => 'ok');
    f.post('/signup', { config: { rateLimit: { max: 1, timeWindow: MINUTE } } }, async () => 'made');
    return f;
  };
  const [one, two] = [await app(pair.a.db), await app(pair.b.db)];
  try {
    const get = (f: typeof one) => f.inject({ url: '/', remoteAddress: '198.51.100.7' });
    assert.equal((await get(one)).headers['x-ratelimit-remaining'], '2');
    assert.equal((await get(two)).headers['x-ratelimit-remaining'], '1');
    assert.equal((await get(one)).statusCode, 200);
    assert.equal((await get(two)).statusCode, 429);
    assert.equal((await get(one)).statusCode, 429);
    assert.equal((await get(one)).statusCode, 429);
    const post = (f: typeof one) => f.inject({ method: 'POST', url: '/signup', remoteAddress: '198.51.100.8' });
    assert.equal((await post(two)).statusCode, 200);
    assert.equal((await post(one)).statusCode, 429, 'the route limit is shared too');
  } finally {
    await one.close();
    await two.close();
    await pair.close();
  }
});
