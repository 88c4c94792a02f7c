import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { QuireError } from '../errors.ts';
import { logger } from '../log.ts';

const log = logger('web');
const SECRET_BYTES = 32;

/**
 * The key that signs cookies (CSRF secrets). Made on first run from 32 random bytes and kept in
 * `<dataDir>/secret.key` (mode 0600), so sessions survive restarts. An in-memory archive gets a
 * fresh key per process.
 */
export function loadCookieSecret(dataDir: string): Buffer {
  if (dataDir === ':memory:') return crypto.randomBytes(SECRET_BYTES);
  const file = path.join(dataDir, 'secret.key');
  try {
    const key = fs.readFileSync(file);
    if (key.length < SECRET_BYTES) {
      throw new QuireError('config_invalid', `${file} holds ${key.length} bytes, expected ${SECRET_BYTES}; delete it to make a new one`);
    }
    if ((fs.statSync(file).mode & 0o077) !== 0) {
      fs.chmodSync(file, 0o600);
      log.warn({ file }, 'secret key was readable by others; set its mode to 0600');
    }
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(SECRET_BYTES);
  try {
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process starting at the same moment made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file);
    throw err;
  }
  log.info({ file }, 'made a new secret key');
  return key;
}
