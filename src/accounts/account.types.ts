import { z } from 'zod';

/**
 * Accounts, roles, pen names, and the rules for what a person may type (validated at the edges
 * with these schemas; the service checks them again).
 */
export const ROLES = ['member', 'wrangler', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A parsed role, or undefined. */
export function parseRole(value: string): Role | undefined {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : undefined;
}

export interface Account {
  id: number;
  username: string;
  email: string;
  role: Role;
  /** The pen name new works are posted under. */
  defaultPseudId: number | null;
  createdAt: string;
}

/** One of an account's pen names, with how many works carry it. */
export interface PenName {
  id: number;
  name: string;
  isDefault: boolean;
  works: number;
}

/** The pen name that orphaned works are moved to (as on AO3); nobody may sign up with it. */
export const ORPHAN_PSEUD = 'orphan_account';
const RESERVED = new Set([ORPHAN_PSEUD, 'anonymous', 'admin', 'administrator', 'quire']);

/** AO3 allows passwords of 6 to 40 characters; Quire asks for 8 and allows very long passphrases. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1000;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Za-z0-9_]+$/, 'may use only letters A to Z, digits and underscores')
  .refine((v) => !RESERVED.has(v.toLowerCase()), 'is reserved');

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an e-mail address like name@example.org' }));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** Pen names as on AO3: 1 to 40 letters, digits, spaces, underscores or hyphens. */
export const penNameSchema = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(40, 'must be at most 40 characters')
      .regex(/^[\p{L}\p{M}\p{N} _-]+$/u, 'may use only letters, digits, spaces, underscores and hyphens')
      .refine((v) => /[\p{L}\p{N}]/u.test(v), 'must contain a letter or digit'),
  );

/** Usernames and e-mail addresses are unique regardless of case. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
