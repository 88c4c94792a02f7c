import pg from 'pg';
import { logger } from '../log.ts';
import { maskUrl } from '../store/pg.ts';
import { CHANGE_CHANNEL } from './change-log.ts';

const log = logger('cluster');
const RETRY_MS = 1_000;

export interface ChangeListener {
  close(): Promise<void>;
}

/**
 * LISTENs on `quire_changes` over one dedicated connection and calls `onNotify` for every
 * notification from this archive's schema (each committed work write sends one; `opts.schema` when
 * the archive is not in the connection's default schema): followers read the log at once instead of
 * at their next poll. A lost connection is reopened after a second; polling covers the gap.
 *
 * @example const l = await listenForChanges(url, () => follower.wake()); … await l.close();
 */
export async function listenForChanges(url: string, onNotify: () => void, opts: { schema?: string } = {}): Promise<ChangeListener> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) });
    let schema: string | undefined;
    c.on('notification', (msg) => {
      // Writers send their schema: an archive in another schema of the same database is not ours.
      if (msg.channel === CHANGE_CHANNEL && msg.payload === schema) onNotify();
    });
    c.on('error', (err) => {
      log.warn({ err: err.message, url: maskUrl(url) }, 'lost the change notification connection; polling until it is back');
      void c.end().catch(() => undefined);
      if (client === c) client = undefined;
      later();
    });
    await c.connect();
    schema = (await c.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? undefined;
    await c.query(`LISTEN ${CHANGE_CHANNEL}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    // Changes made while the connection was down are read now.
    onNotify();
  };
  const later = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err: Error) => {
        log.warn({ err: err.message }, 'could not reopen the change notification connection');
        later();
      });
    }, RETRY_MS);
    retry.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
