import { findAccount, pseudIdsOf } from '../../accounts/account.repository.ts';
import { viewerOf } from '../../accounts/viewer.ts';
import type { Config } from '../../config/config.ts';
import { logger } from '../../log.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { InteractionContext } from '../context.ts';
import { chapterPath, commentPath, workPath } from '../paths.ts';
import type { Inbox } from './inbox.ts';
import type { Notice } from './notice.types.ts';

const log = logger('interactions');

export interface DigestReport {
  /** Messages sent (one per member with news). */
  messages: number;
  /** Notices they listed. */
  notices: number;
  /** Members whose message could not be sent (tried again next time). */
  failed: number;
}

function byline(n: Notice): string {
  const names = n.work?.creators.map((c) => c.name) ?? [];
  return names.length ? ` by ${names.join(', ')}` : '';
}

/** One notice as two lines of plain text: what happened, and the address to read it at. */
export function noticeLines(n: Notice, baseUrl: string): [string, string] {
  const title = n.work ? `"${n.work.title}"` : 'a work';
  const workUrl = n.work ? `${baseUrl}${workPath(n.work.id)}` : `${baseUrl}/inbox`;
  switch (n.kind) {
    case 'chapter':
      return [`New chapter ${n.chapterPosition ?? ''} of ${title}${byline(n)}`.replace(/ {2,}/g, ' '), n.work && n.chapterPosition ? `${baseUrl}${chapterPath(n.work.id, n.chapterPosition)}` : workUrl];
    case 'work':
      return [`New work by ${n.creator?.name ?? 'a creator you follow'}: ${title}`, workUrl];
    case 'series_work':
      return [`New work in the series "${n.series?.title ?? ''}": ${title}${byline(n)}`, workUrl];
    case 'comment':
    case 'reply': {
      const c = n.comment;
      const what = n.kind === 'comment' ? `${c?.author ?? 'Someone'} commented on ${title}` : `${c?.author ?? 'Someone'} replied to your comment on ${title}`;
      const quote = c && !c.deleted ? `: "${c.excerpt}"` : '';
      const pending = c?.pending ? ' (awaiting your approval)' : '';
      return [`${what}${pending}${quote}`, n.work && c ? `${baseUrl}${commentPath(n.work.id, c.chapterPosition, c.id)}` : workUrl];
    }
  }
}

/**
 * The e-mail digest (`quire digest`): each member with unread notices that were not mailed yet
 * gets one message listing them, unless they turned the digest off. Without SMTP the mailer
 * writes to the outbox. A notice is mailed once; reading it on the site first leaves it out.
 */
export class Digest {
  constructor(
    private readonly ctx: InteractionContext,
    private readonly inbox: Inbox,
    private readonly mailer: Mailer,
    private readonly config: Pick<Config, 'baseUrl' | 'archiveName'>,
  ) {}

  async send(): Promise<DigestReport> {
    const db = this.ctx.db;
    const accounts = await db
      .selectFrom('notices')
      .leftJoin('reader_settings', 'reader_settings.account_id', 'notices.account_id')
      .select('notices.account_id')
      .distinct()
      .where('notices.read', '=', 0)
      .where('notices.emailed', '=', 0)
      .where((eb) => eb.or([eb('reader_settings.email_digest', 'is', null), eb('reader_settings.email_digest', '=', 1)]))
      .orderBy('notices.account_id')
      .execute();
    const report: DigestReport = { messages: 0, notices: 0, failed: 0 };
    for (const { account_id } of accounts) {
      const account = await findAccount(db, account_id);
      if (!account) continue;
      const viewer = viewerOf(account, await pseudIdsOf(db, account.id));
      const { ids, notices } = await this.inbox.unmailed(viewer);
      if (notices.length === 0) {
        await this.inbox.markEmailed(ids);
        continue;
      }
      try {
        await this.mailer.send({ to: account.email, subject: this.subject(notices.length), text: this.text(account.username, notices) });
      } catch (err) {
        report.failed++;
        log.error({ accountId: account.id, reason: err instanceof Error ? err.message : String(err) }, 'digest could not be sent');
        continue;
      }
      await this.inbox.markEmailed(ids);
      report.messages++;
      report.notices += notices.length;
    }
    log.info({ ...report }, 'digests sent');
    return report;
  }

  private subject(count: number): string {
    return `${count === 1 ? '1 update' : `${count} updates`} on ${this.config.archiveName}`;
  }

  private text(username: string, notices: readonly Notice[]): string {
    const base = this.config.baseUrl;
    const lines = [`Hello ${username},`, '', `here is what is new for you on ${this.config.archiveName}:`, ''];
    for (const n of notices) {
      const [what, url] = noticeLines(n, base);
      lines.push(`- ${what}`, `  ${url}`);
    }
    lines.push('', `Your inbox: ${base}/inbox`, 'To stop these messages, turn the e-mail digest off on your inbox page.', '', `-- ${this.config.archiveName}`);
    return lines.join('\n');
  }
}
