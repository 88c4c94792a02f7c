import type { z } from 'zod';
import { invalid, type FieldIssue } from '../errors.ts';

/** Zod issues as field issues: `{ field: 'email', message: 'must be an e-mail address…' }`. */
export function fieldIssues(error: z.ZodError, field?: string): FieldIssue[] {
  return error.issues.map((i) => ({ field: field ?? String(i.path[0] ?? ''), message: i.message }));
}

/** Parses `value` with `schema`, or throws `validation_failed` naming `field` (or each issue's own path). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, field?: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(fieldIssues(r.error, field));
  return r.data;
}
