import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '../log.ts';

const log = logger('interactions');
const KEY_BYTES = 32;

/**
 * The server secret that visitors' addresses are hashed with (HMAC-SHA256), so kudos, hits and
 * guest comments can be told apart without storing an address. Kept in `<dataDir>/visitor.key`
 * (mode 0600), apart from the database: a copy of the database alone cannot be searched for a
 * known address. Made on first use; an in-memory archive gets a fresh key per process.
 */
export class VisitorKey {
  private key: Buffer | undefined;

  constructor(private readonly dataDir: string) {}

  /**
   * A keyed hash of `identity` for one `purpose`: different purposes (and days, for hits) give
   * unrelated values, so one table cannot be joined against another.
   *
   * @example visitors.hash('kudos', 'ip:203.0.113.7') // 64 hex characters
   */
  hash(purpose: string, identity: string): string {
    return crypto.createHmac('sha256', this.secret()).update(`${purpose}\n${identity}`).digest('hex');
  }

  private secret(): Buffer {
    this.key ??= this.load();
    return this.key;
  }

  private load(): Buffer {
    if (this.dataDir === ':memory:') return crypto.randomBytes(KEY_BYTES);
    const file = path.join(this.dataDir, 'visitor.key');
    try {
      const key = fs.readFileSync(file);
      if (key.length >= KEY_BYTES) return key;
      log.warn({ file }, 'visitor key too short; making a new one');
      fs.rmSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    fs.mkdirSync(this.dataDir, { recursive: true });
    const key = crypto.randomBytes(KEY_BYTES);
    try {
      fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
      log.info({ file }, 'made a new visitor key');
      return key;
    } catch (err) {
      // Another process made it first: use theirs.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file);
      throw err;
    }
  }
}
