import crypto from 'node:crypto';
import { QuireError } from '../errors.ts';

/** One plain-text message from the archive to one person. */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; lines end with `\n`. Never logged (it may hold a one-time link). */
  text: string;
}

/** A header value must be one line: a CR or LF would let a value add headers of its own. */
function oneLine(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new QuireError('internal', `mail header ${name} holds a line break`);
  return value;
}

/** RFC 2047 encoded-word for non-ASCII header text; ASCII passes through. */
export function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** `Name <a@b.org>` with the display name encoded when it is not ASCII. */
function address(value: string): string {
  const m = /^(.*?)\s*<([^<>]+)>$/.exec(value.trim());
  if (!m || !m[1]) return value.trim();
  const name = m[1].replace(/^"|"$/g, '');
  const shownName = /^[\w .-]*$/.test(name) ? name : /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '')}"` : encodeWord(name);
  return `${shownName} <${m[2]}>`;
}

/** The date as RFC 5322 writes it: `Tue, 07 Jan 2025 09:05:00 +0000`. */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * The whole message as RFC 5322 text with CRLF line ends: headers, a blank line, the body in
 * UTF-8 (8bit; base64 only when a line is too long for 8bit transport).
 *
 * @example composeMessage({ to: 'a@b.org', subject: 'Hi', text: 'Hello\n' }, 'Quire <noreply@x.org>', new Date())
 */
export function composeMessage(msg: MailMessage, from: string, date: Date): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const lines = msg.text.replace(/\r\n?/g, '\n').replace(/\n*$/, '\n').split('\n');
  lines.pop();
  const tooLong = lines.some((l) => Buffer.byteLength(l, 'utf8') > 998);
  const body = tooLong
    ? (Buffer.from(lines.join('\r\n') + '\r\n', 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')
    : lines.join('\r\n');
  const headers = [
    `From: ${address(oneLine('From', from))}`,
    `To: ${oneLine('To', msg.to)}`,
    `Subject: ${encodeWord(oneLine('Subject', msg.subject))}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: <${crypto.randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${tooLong ? 'base64' : '8bit'}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}
