import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Viewer } from '../works/visibility.ts';

/**
 * `canView` (src/works/visibility.ts) as a SQL condition on `works`, for lists that page and
 * count in the database (bookmarks, inbox, history). Keep the two in step: drafts to their
 * creators only, hidden works to administrators and creators, restricted works to members.
 * Lists check `canView` again on each item they show.
 */
export function visibleWork(viewer: Viewer): (eb: ExpressionBuilder<Database, 'works'>) => Expression<SqlBool> {
  return (eb) => {
    if (viewer.kind === 'operator') return sql<SqlBool>`1 = 1`;
    const shown = eb.and([
      eb('works.status', '=', 'posted'),
      ...(viewer.admin ? [] : [eb('works.hidden', '=', 0)]),
      ...(viewer.kind === 'guest' ? [eb('works.restricted', '=', 0)] : []),
    ]);
    const mine = viewer.pseudIds ?? [];
    if (mine.length === 0) return shown;
    const own = eb.exists(eb.selectFrom('work_creators').select('work_creators.work_id').whereRef('work_creators.work_id', '=', 'works.id').where('work_creators.pseud_id', 'in', [...mine]));
    return eb.or([shown, own]);
  };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
