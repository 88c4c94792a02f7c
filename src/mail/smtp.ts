import nodemailer, { type Transporter } from 'nodemailer';
import { logger } from '../log.ts';
import type { Mailer } from './mailer.ts';
import type { MailMessage } from './message.ts';

const log = logger('mail');

/**
 * Sends through the configured SMTP server with nodemailer. `send` hands the message over and
 * returns at once, so a request never waits on (or reveals by its timing) the mail server;
 * failures are logged with the recipient's domain only. `close` waits for messages in flight.
 */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private transport: Transporter | undefined;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {}

  async send(msg: MailMessage): Promise<void> {
    this.transport ??= nodemailer.createTransport(this.url);
    const domain = msg.to.split('@').pop();
    const job = this.transport
      .sendMail({ from: this.from, to: msg.to, subject: msg.subject, text: msg.text })
      .then(() => log.info({ domain }, 'mail sent'))
      .catch((err: unknown) => log.error({ domain, reason: err instanceof Error ? err.message : String(err) }, 'sending mail failed'))
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pending]);
    this.transport?.close();
  }
}
