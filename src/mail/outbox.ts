import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '../log.ts';
import type { Mailer } from './mailer.ts';
import { composeMessage, type MailMessage } from './message.ts';

const log = logger('mail');

/** `2025-01-07T09-05-00-123Z`: sorts in time order and is a safe file name everywhere. */
function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/**
 * Without an SMTP server, every message is written to `<dataDir>/outbox/<timestamp>-<id>.eml`
 * (RFC 5322 text, mode 0600: it may hold a one-time link) and a log line names the file.
 */
export class OutboxMailer implements Mailer {
  readonly kind = 'outbox';

  constructor(
    readonly dir: string,
    private readonly from: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(msg: MailMessage): Promise<void> {
    const now = this.clock();
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, `${stamp(now)}-${crypto.randomBytes(4).toString('hex')}.eml`);
    fs.writeFileSync(file, composeMessage(msg, this.from, now), { mode: 0o600, flag: 'wx' });
    log.info({ file }, 'mail written to the outbox (no SMTP server configured)');
  }

  /** The outbox's files, oldest first. */
  files(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir).filter((f) => f.endsWith('.eml')).sort().map((f) => path.join(this.dir, f));
  }

  async close(): Promise<void> {}
}

/** An archive without a data directory (`:memory:`, tests) keeps its mail in memory. */
export class MemoryMailer implements Mailer {
  readonly kind = 'memory';
  readonly messages: string[] = [];

  constructor(
    private readonly from: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(msg: MailMessage): Promise<void> {
    this.messages.push(composeMessage(msg, this.from, this.clock()));
    log.info({ count: this.messages.length }, 'mail kept in memory (no data directory)');
  }

  async close(): Promise<void> {}
}
