import { QuireError, type FieldIssue } from '../errors.ts';

/**
 * The tag CSV of `quire tags import|export` (docs/wrangling.md): header exactly
 * `type,name,synonym_of,parents`, RFC 4180 quoting, UTF-8 with or without a BOM, CRLF or LF.
 * Pure text in and out: checking rows against the archive is tag-import.ts.
 */
export const CSV_HEADER = ['type', 'name', 'synonym_of', 'parents'] as const;
export const CSV_TYPES = ['fandom', 'character', 'relationship', 'additional'] as const;
export type CsvTagType = (typeof CSV_TYPES)[number];

export interface CsvTagRow {
  /** The line the record starts on (the header is line 1). */
  line: number;
  type: CsvTagType;
  name: string;
  synonymOf: string;
  parents: string[];
}

interface Record {
  line: number;
  fields: string[];
}

/** Splits CSV text into records (RFC 4180), remembering the line each starts on. */
export function parseCsvRecords(text: string, file: string): Record[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: Record[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') (field += '"'), (i += 2);
        else {
          quoted = false;
          i++;
          if (i < src.length && !',\r\n'.includes(src[i]!)) throw new QuireError('csv_invalid', `${file} line ${line}: text after a closing quote (double a quote inside a quoted field: "a ""b"" c")`);
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new QuireError('csv_invalid', `${file} line ${line}: a quote inside an unquoted field (quote the whole field and double the quote: "a ""b"" c")`);
      quoted = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new QuireError('csv_invalid', `${file} line ${start}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}

/**
 * Parses and checks the shape of every row (not yet against the archive). All problems are
 * reported at once, each as "FILE line N, FIELD: problem"; a `csv_invalid` error lists them.
 */
export function parseTagCsv(text: string, file: string): CsvTagRow[] {
  const records = parseCsvRecords(text, file);
  const header = records.shift();
  if (!header || header.fields.join(',') !== CSV_HEADER.join(',')) {
    throw new QuireError('csv_invalid', `${file} line 1: the header must be exactly "${CSV_HEADER.join(',')}"${header ? `, not "${header.fields.join(',').slice(0, 80)}"` : ' (the file is empty)'}`);
  }
  const issues: FieldIssue[] = [];
  const rows: CsvTagRow[] = [];
  const at = (line: number, field: string) => `${file} line ${line}, ${field}`;
  for (const r of records) {
    if (r.fields.length !== CSV_HEADER.length) {
      issues.push({ field: `${file} line ${r.line}`, message: `expected ${CSV_HEADER.length} fields, found ${r.fields.length}` });
      continue;
    }
    const [type, name, synonymOf, parents] = r.fields.map((f) => f.trim()) as [string, string, string, string];
    if (!(CSV_TYPES as readonly string[]).includes(type)) issues.push({ field: at(r.line, 'type'), message: `must be fandom, character, relationship or additional, not "${type.slice(0, 40)}"` });
    if (name === '') issues.push({ field: at(r.line, 'name'), message: 'is empty' });
    const list = parents === '' ? [] : parents.split('|').map((p) => p.trim());
    if (list.some((p) => p === '')) issues.push({ field: at(r.line, 'parents'), message: 'has an empty name between "|" separators' });
    if (synonymOf !== '' && list.length > 0) issues.push({ field: at(r.line, 'parents'), message: 'a synonym row has no parents (give them on its canonical tag\'s row)' });
    rows.push({ line: r.line, type: type as CsvTagType, name, synonymOf, parents: list });
  }
  if (issues.length > 0) throw csvInvalid(issues);
  return rows;
}

/** One error listing every problem, one per line. */
export function csvInvalid(issues: FieldIssue[]): QuireError {
  const shown = issues.slice(0, 50).map((i) => `${i.field}: ${i.message}`);
  if (issues.length > 50) shown.push(`… and ${issues.length - 50} more problems`);
  return new QuireError('csv_invalid', shown.join('\n'), issues);
}

/** One field, quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of `rows` (in the order given), header first, LF line ends, ending with a newline. */
export function formatTagCsv(rows: readonly Omit<CsvTagRow, 'line'>[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) lines.push([r.type, r.name, r.synonymOf, r.parents.join('|')].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
