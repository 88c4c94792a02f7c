import argon2 from 'argon2';
import { logger } from '../log.ts';

const log = logger('accounts');

/** argon2id cost. The default is OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. */
export interface HashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const DEFAULT_COST: HashCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id and a fresh salt; the result is a PHC string. */
export function hashPassword(password: string, cost: HashCost = DEFAULT_COST): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...cost });
}

/** True when `password` matches `hash`. A malformed hash is a mismatch (and is logged, without the hash). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    log.warn('a stored password hash could not be read');
    return false;
  }
}

const dummies = new Map<string, Promise<string>>();

/**
 * Spends the time of one verification without an account, so "no such user" takes as long as
 * "wrong password" and the two cannot be told apart by timing.
 */
export async function verifyNothing(password: string, cost: HashCost = DEFAULT_COST): Promise<void> {
  const key = JSON.stringify(cost);
  let dummy = dummies.get(key);
  if (!dummy) dummies.set(key, (dummy = hashPassword('quire-no-such-account', cost)));
  await verifyPassword(await dummy, password);
}

/** True when `hash` was made with other parameters than `cost` (rehash at the next login). */
export function needsRehash(hash: string, cost: HashCost = DEFAULT_COST): boolean {
  try {
    return argon2.needsRehash(hash, { ...cost });
  } catch {
    return true;
  }
}
