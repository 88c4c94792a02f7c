import crypto from 'node:crypto';
import path from 'node:path';
import { QuireError } from '../errors.ts';
import { VisitorKey } from '../interactions/visitor-key.ts';
import type { Store } from '../store/store.ts';
import { loadCookieSecret } from '../web/secret.ts';

/** Makes the key files if missing (the primary does, before it forks workers that would race to). */
export function ensureKeyFiles(dataDir: string): void {
  if (dataDir === ':memory:') return;
  loadCookieSecret(dataDir);
  new VisitorKey(dataDir).hash('key fingerprint', 'quire');
}

/**
 * The two keys kept as files in the data directory must be the same in every process of an
 * archive: `secret.key` signs the CSRF cookies (a form fetched from one host is posted to
 * another), and `visitor.key` hashes readers for hits and guest kudos (a reader counted on one host
 * is the same reader on another). Processes sharing a data directory share them; hosts with their
 * own data directories must be given copies.
 *
 * The first process to start records a fingerprint of each key (an HMAC made with the key: it
 * reveals nothing of it) in `settings`; a process whose key differs refuses to start. Only on
 * PostgreSQL: SQLite's processes share one data directory, and with it the files. To change keys,
 * delete the `key_fingerprint:*` rows from `settings` while every process is stopped.
 */
export async function checkSharedKeys(store: Pick<Store, 'db' | 'dialect'>, dataDir: string): Promise<void> {
  if (store.dialect !== 'postgres' || dataDir === ':memory:') return;
  const db = store.db;
  const cookie = loadCookieSecret(dataDir);
  const keys = [
    { file: 'secret.key', fingerprint: crypto.createHmac('sha256', cookie).update('quire key fingerprint').digest('hex') },
    { file: 'visitor.key', fingerprint: new VisitorKey(dataDir).hash('key fingerprint', 'quire') },
  ];
  for (const { file, fingerprint } of keys) {
    const key = `key_fingerprint:${file}`;
    await db.insertInto('settings').values({ key, value: fingerprint }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    if (row.value !== fingerprint) {
      throw new QuireError(
        'config_invalid',
        `${path.join(dataDir, file)} is not the key the other processes of this archive use: copy ${file} from the data directory of a host already serving it (see docs/scaling.md)`,
      );
    }
  }
}
