import { LineCounter, parseDocument, isMap, isScalar, YAMLParseError } from 'yaml';
import { QuireError } from '../errors.ts';
import { FIELD_KEYS, assignField, fieldFor, parseField } from './fields.ts';
import type { WorkMeta } from './types.ts';

export interface FrontMatter {
  /** Metadata from the front matter; summary and notes are still plain text (or Markdown). */
  meta: WorkMeta;
  /** The text after the front matter. */
  body: string;
  /** Number of lines the front matter took, so body line N is file line N + offset. */
  lineOffset: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_LINE = /^[A-Za-z][\w '’-]{0,40}:(?:\s|$)/;

/**
 * Splits YAML front matter (between `---` lines at the very top) from the text and reads it.
 * A file whose first line is `---` but whose next line is not `key:` has no front matter (a
 * story may open with a scene break). Errors name the file and line:
 * `story.txt:3: front matter: unknown key "fandomz" (did you mean fandoms?)`.
 */
export function readFrontMatter(text: string, fileName: string): FrontMatter {
  const none: FrontMatter = { meta: {}, body: text, lineOffset: 0 };
  const lines = text.split('\n', 2);
  if (!FENCE.test(lines[0] ?? '') || !KEY_LINE.test(lines[1] ?? '')) return none;
  // Find the closing fence by scanning line starts: linear, no regex over the whole text.
  let pos = text.indexOf('\n') + 1;
  let closeAt = -1;
  let lineNo = 2;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos);
    const line = text.slice(pos, end === -1 ? text.length : end);
    if (CLOSE.test(line)) {
      closeAt = pos;
      break;
    }
    if (end === -1) break;
    pos = end + 1;
    lineNo++;
  }
  if (closeAt === -1) throw fail(fileName, 1, 'no closing "---" line');
  const yamlText = text.slice(text.indexOf('\n') + 1, closeAt);
  const afterClose = text.indexOf('\n', closeAt);
  const body = afterClose === -1 ? '' : text.slice(afterClose + 1);
  return { meta: parseYaml(yamlText, fileName), body, lineOffset: lineNo };
}

function parseYaml(yamlText: string, fileName: string): WorkMeta {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line) + 1;
  const first = doc.errors[0];
  if (first) throw fail(fileName, first instanceof YAMLParseError ? lineOf(first.pos[0]) : 1, yamlReason(first.message));
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw fail(fileName, lineOf(doc.contents.range?.[0]), 'expected "key: value" lines');
  const js = doc.toJS() as Record<string, unknown>;
  const meta: WorkMeta = {};
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const line = lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined);
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const field = fieldFor(key);
    if (!field) throw fail(fileName, line, `unknown key "${key}"${hint(key) || `; known keys: ${FIELD_KEYS.join(', ')}`}`);
    const value = js[key];
    if (value === null || value === undefined || value === '') continue;
    const parsed = parseField(field, value);
    if (!parsed.ok) throw fail(fileName, line, `${key}: ${parsed.message}`);
    assignField(meta, field, parsed.value);
  }
  return meta;
}

function yamlReason(message: string): string {
  // yaml's messages end with " at line N, column M" and sometimes a code excerpt; we give the line ourselves.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function fail(fileName: string, line: number, reason: string): QuireError {
  return new QuireError('import_failed', `${fileName}:${line}: front matter: ${reason}`);
}

/** " (did you mean fandoms?)" when a known key is one or two edits away. */
function hint(key: string): string {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestD = 3;
  for (const known of FIELD_KEYS) {
    const d = distance(k, known);
    if (d < bestD) {
      bestD = d;
      best = known;
    }
  }
  return best ? ` (did you mean ${best}?)` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
