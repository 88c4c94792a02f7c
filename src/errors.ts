/**
 * Quire's one error type. Every failure a user can cause carries a stable `code`
 * (documented in docs/ERRORS.md), an HTTP status, and a message that says what
 * is wrong and, where it can, where (file, line, field).
 *
 * The web layer turns it into an HTML page or `{"error": {"code", "message"}}`;
 * the CLI prints `message` on one line and exits with code 1. Anything that is
 * not a QuireError is an internal fault: logged, and shown only as "internal error".
 */
export type ErrorCode =
  | 'config_invalid'
  | 'validation_failed'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'tag_name_taken'
  | 'csv_invalid'
  | 'import_failed'
  | 'unsupported_format'
  | 'bad_request'
  | 'rate_limited'
  | 'restore_not_empty'
  | 'export_invalid'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  config_invalid: 500,
  validation_failed: 422,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  tag_name_taken: 409,
  csv_invalid: 422,
  import_failed: 422,
  unsupported_format: 415,
  bad_request: 400,
  rate_limited: 429,
  restore_not_empty: 409,
  export_invalid: 422,
  internal: 500,
};

/** One problem with one field, e.g. `{ field: 'chapters[2].text', message: 'is empty' }`. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class QuireError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'QuireError';
    this.code = code;
    this.status = STATUS[code];
    this.issues = issues;
  }
}

/** `notFound('work', 12)` → "work 12 not found" with code not_found. */
export function notFound(what: string, id: string | number): QuireError {
  return new QuireError('not_found', `${what} ${id} not found`);
}

/** A validation error listing every field problem: "title: is empty; rating: unknown rating 'R'". */
export function invalid(issues: FieldIssue[]): QuireError {
  const message = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
  return new QuireError('validation_failed', message, issues);
}

export function isQuireError(err: unknown): err is QuireError {
  return err instanceof QuireError;
}
