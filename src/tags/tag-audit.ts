import type { Db } from '../store/schema.ts';

/** The wrangling actions the audit log records. */
export const AUDIT_ACTIONS = [
  'canonical', 'synonym', 'unwrangleable', 'rename', 'add_metatag', 'remove_metatag',
  'add_parent', 'remove_parent', 'import',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One row of the wrangling audit log, as the pages and `quire tags audit` show it. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorId: number | null;
  action: string;
  tagId: number | null;
  tagName: string;
  details: Record<string, unknown>;
}

export interface AuditWrite {
  actor: string;
  actorId: number | null;
  action: AuditAction;
  tagId: number | null;
  tagName: string;
  details?: Record<string, unknown>;
  at: Date;
}

/** Writes one audit row; call it inside the change's own transaction. */
export async function writeAudit(db: Db, entry: AuditWrite): Promise<void> {
  await db
    .insertInto('tag_audit')
    .values({
      at: entry.at.toISOString(), actor: entry.actor, actor_id: entry.actorId, action: entry.action,
      tag_id: entry.tagId, tag_name: entry.tagName, details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The newest entries first (`tagId` narrows to one tag), `limit` of them after skipping `offset`. */
export async function listAudit(db: Db, opts: { tagId?: number; limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
  let q = db.selectFrom('tag_audit').selectAll();
  if (opts.tagId !== undefined) q = q.where('tag_id', '=', opts.tagId);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 100).offset(opts.offset ?? 0).execute();
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, actorId: r.actor_id, action: r.action, tagId: r.tag_id, tagName: r.tag_name, details: parseDetails(r.details) }));
}
