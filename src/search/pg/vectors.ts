import { prepareForIndex, terms } from '../text/tokens.ts';

/**
 * Text → PostgreSQL `tsvector` literals, built in JavaScript from the same tokens SQLite's FTS5
 * indexes (text/tokens.ts: NFKC, CJK and Thai spaced one character per token, case and Latin
 * accents folded as unicode61 `remove_diacritics 2` does). The literal is cast with `::tsvector`,
 * which takes lexemes as written: no parser, no dictionary, no stemming, no stop words, so both
 * databases agree on what a word is.
 *
 * PostgreSQL's limits shape the chunks: positions stop at 16,383 and a lexeme keeps at most 256
 * positions (later ones are silently dropped, which would lose phrase matches). So a text is cut
 * into chunks of at most 15,000 tokens, closing a chunk early when a word would reach 250
 * occurrences in it. Consecutive chunks overlap by OVERLAP tokens, so a phrase of up to
 * OVERLAP + 1 words still matches across a chunk boundary. A lexeme is at most 2,047 bytes;
 * longer tokens are left out (their position is kept, so no phrase bridges them).
 */
export const CHUNK_TOKENS = 15_000;
export const MAX_OCCURRENCES = 250;
export const OVERLAP = 64;
const MAX_LEXEME_BYTES = 2000;
/** Keep a literal well under PostgreSQL's 1 MB tsvector limit. */
const MAX_CHUNK_BYTES = 600_000;

/** The tokens of a text as indexed (the same list the in-memory matcher reads). */
export function indexTokens(text: string): string[] {
  return terms(prepareForIndex(text));
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A lexeme quoted for tsvector/tsquery input: `'don''t'`, backslashes doubled. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** One tsvector literal from tokens (positions from 1), each position with an optional weight letter. */
export function vectorLiteral(tokens: readonly string[], weight = ''): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (t === '' || bytes(t) > MAX_LEXEME_BYTES) return;
    let list = positions.get(t);
    if (!list) positions.set(t, (list = []));
    list.push(i + 1);
  });
  const parts: string[] = [];
  for (const [lexeme, list] of positions) parts.push(`${quoteLexeme(lexeme)}:${list.map((p) => `${p}${weight}`).join(',')}`);
  return parts.join(' ');
}

/** A chunk of a text: its tokens and the index of its first token in the whole text. */
export interface Chunk {
  start: number;
  tokens: string[];
}

/**
 * Cuts tokens into chunks within PostgreSQL's limits (see above). An empty text is one empty
 * chunk, so every chapter has a row.
 */
export function chunkTokens(tokens: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < tokens.length || chunks.length === 0) {
    const counts = new Map<string, number>();
    let size = 0;
    let end = start;
    for (; end < tokens.length && end - start < CHUNK_TOKENS; end++) {
      const t = tokens[end]!;
      const n = (counts.get(t) ?? 0) + 1;
      const b = n === 1 ? bytes(t) + 12 : 6;
      if (n > MAX_OCCURRENCES || size + b > MAX_CHUNK_BYTES) break;
      counts.set(t, n);
      size += b;
    }
    chunks.push({ start, tokens: tokens.slice(start, end) });
    if (end >= tokens.length) break;
    // Overlap the next chunk with this one's tail, but always move forward.
    start = Math.max(end - OVERLAP, start + 1);
  }
  return chunks;
}
