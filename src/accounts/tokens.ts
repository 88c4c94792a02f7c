import crypto from 'node:crypto';

/** Secrets handed out by the archive (session and reset tokens, invitation codes, passwords). */

/** A URL-safe random token: 32 bytes (256 bits) of base64url. */
export function newToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** How a token is stored: its sha256 in hex. A stolen database gives no working token. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** `K7QM-3XWD-PZ9H-T2RA`: 16 characters from 30 unambiguous ones (about 78 bits), in groups. */
export function newInvitationCode(): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** An invitation code as typed: upper case, without spaces or dashes, so `k7qm 3xwd…` matches. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A generated password for `quire admin create`: 24 base64url characters (144 bits). */
export function newPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}
