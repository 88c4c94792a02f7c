import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { MailMessage } from './message.ts';
import { MemoryMailer, OutboxMailer } from './outbox.ts';
import { SmtpMailer } from './smtp.ts';

export type { MailMessage } from './message.ts';

/** Where the archive's mail goes: an SMTP server, the outbox folder, or memory. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox' | 'memory';
  /** Accepts one message for delivery. Never logs its text. */
  send(msg: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * The mailer the configuration asks for: SMTP when `QUIRE_SMTP_URL` is set, else the outbox
 * folder `<dataDir>/outbox/`, else (an in-memory archive) memory.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>, clock?: () => Date): Mailer {
  if (config.smtpUrl) return new SmtpMailer(config.smtpUrl, config.mailFrom);
  if (config.dataDir === ':memory:') return new MemoryMailer(config.mailFrom, clock);
  return new OutboxMailer(outboxDir(config.dataDir), config.mailFrom, clock);
}

/** `<dataDir>/outbox`. */
export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}
