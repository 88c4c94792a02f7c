import path from 'node:path';
import { z } from 'zod';
import { QuireError } from '../errors.ts';

/**
 * Quire's one configuration, read from environment variables and overridden by CLI flags.
 * Every problem is collected, so start-up stops with the whole list at once.
 *
 * @example loadConfig(process.env, { port: '9000' }).port === 9000
 */
const onOff = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'].includes(v), 'must be on or off')
  .transform((v) => ['on', 'true', '1', 'yes'].includes(v));

const schema = z.object({
  dataDir: z.string().trim().min(1, 'must not be empty'),
  port: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535'),
  host: z.string().trim().min(1),
  baseUrl: z.url({ error: 'must be an absolute http(s) URL' }).refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://').optional(),
  adultGate: onOff,
  demo: onOff,
  archiveName: z.string().trim().min(1).max(80),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  pageSize: z.coerce.number().int().min(1).max(200),
  trustProxy: onOff,
  signup: z.enum(['open', 'invite', 'closed'], { error: 'must be open, invite or closed' }),
  smtpUrl: z
    .string()
    .trim()
    .refine((u) => /^smtps?:\/\/[^\s/]+/.test(u) && URL.canParse(u), 'must be a URL like smtp://user:pass@host:587 or smtps://host')
    .optional(),
  mailFrom: z.string().trim().min(3).max(200).refine((v) => /^[^\r\n]*<?[^\s<>@]+@[^\s<>@]+>?$/.test(v), 'must be an address like "Quire <noreply@example.org>"').optional(),
  databaseUrl: z
    .string()
    .trim()
    .refine((u) => /^postgres(ql)?:\/\/[^\s]*$/i.test(u) && URL.canParse(u), 'must be a URL like postgres://user:pass@host:5432/quire')
    .optional(),
});

export interface Config {
  /** Absolute path of the data directory (database, secrets, caches). */
  dataDir: string;
  port: number;
  host: string;
  /** The archive's public address without a trailing slash, used in feeds and downloads. */
  baseUrl: string;
  /** Show the adult-content interstitial for Mature, Explicit and Not Rated works. */
  adultGate: boolean;
  /** Load the demo library on first start with an empty database. */
  demo: boolean;
  archiveName: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Works per listing page. */
  pageSize: number;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (login limits count per address). */
  trustProxy: boolean;
  /** Who may make an account: anyone (`open`), holders of an invitation code (`invite`), nobody (`closed`). */
  signup: 'open' | 'invite' | 'closed';
  /** Outgoing mail server, `smtp://user:pass@host:587`; without it, mail goes to `<dataDir>/outbox/`. */
  smtpUrl?: string;
  /** The From address of the archive's mail; default `<archiveName> <noreply@host of baseUrl>`. */
  mailFrom: string;
  /** `postgres://user:pass@host:5432/db`: keep the archive in PostgreSQL; unset, it lives in `<dataDir>/quire.db` (SQLite). */
  databaseUrl?: string;
}

/** Raw values as strings: what the environment or a flag gives. */
export type ConfigInput = Partial<Record<keyof Config, string | number | boolean | undefined>>;

/** Environment variable for each setting (the README's configuration reference). */
export const ENV_NAMES: Record<keyof Config, string> = {
  dataDir: 'QUIRE_DATA',
  port: 'QUIRE_PORT',
  host: 'QUIRE_HOST',
  baseUrl: 'QUIRE_BASE_URL',
  adultGate: 'QUIRE_ADULT_GATE',
  demo: 'QUIRE_DEMO',
  archiveName: 'QUIRE_NAME',
  logLevel: 'QUIRE_LOG_LEVEL',
  pageSize: 'QUIRE_PAGE_SIZE',
  trustProxy: 'QUIRE_TRUST_PROXY',
  signup: 'QUIRE_SIGNUP',
  smtpUrl: 'QUIRE_SMTP_URL',
  mailFrom: 'QUIRE_MAIL_FROM',
  databaseUrl: 'QUIRE_DATABASE_URL',
};

/** Settings that are absent unless set (an empty string counts as unset). */
const OPTIONAL: readonly (keyof Config)[] = ['baseUrl', 'smtpUrl', 'mailFrom', 'databaseUrl'];

/** Settings whose value may hold a secret: error messages show them with the password masked. */
function shown(key: keyof Config, value: string | undefined): string {
  if ((key === 'smtpUrl' || key === 'databaseUrl') && value) return JSON.stringify(value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@'));
  return JSON.stringify(value);
}

const DEFAULTS: Record<keyof Config, string> = {
  dataDir: './data',
  port: '8080',
  host: 'localhost',
  baseUrl: '',
  adultGate: 'on',
  demo: 'on',
  archiveName: 'Quire',
  logLevel: 'info',
  pageSize: '20',
  trustProxy: 'off',
  signup: 'open',
  smtpUrl: '',
  mailFrom: '',
  databaseUrl: '',
};

/**
 * Builds the configuration: defaults, then `env`, then `overrides` (CLI flags).
 * Throws a QuireError `config_invalid` naming every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigInput = {}): Config {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(DEFAULTS) as (keyof Config)[]) {
    const flag = overrides[key];
    const fromEnv = env[ENV_NAMES[key]];
    const value = flag !== undefined ? String(flag) : fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULTS[key];
    raw[key] = OPTIONAL.includes(key) && value === '' ? undefined : value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof Config;
      return `${ENV_NAMES[key] ?? key} (${key}) ${issue.message}: got ${shown(key, raw[key])}`;
    });
    throw new QuireError('config_invalid', `invalid configuration:\n  - ${lines.join('\n  - ')}`);
  }
  const c = parsed.data;
  const baseUrl = (c.baseUrl ?? `http://localhost:${c.port}`).replace(/\/+$/, '');
  const sender = c.archiveName.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'Quire';
  const mailFrom = c.mailFrom ?? `${sender} <noreply@${new URL(baseUrl).hostname}>`;
  return { ...c, dataDir: c.dataDir === ':memory:' ? c.dataDir : path.resolve(c.dataDir), baseUrl, mailFrom };
}
