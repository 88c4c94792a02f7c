import { QuireError } from '../errors.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text with any byte-order mark removed and every line ending turned into `\n`. */
  text: string;
  encoding: Encoding;
}

const SAMPLE = 64 * 1024;

/** Control characters that never appear in prose (tab, newline, carriage return and form feed do). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f || (code >= 0x80 && code < 0xa0);
}

/**
 * Decodes a text file: UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
 * UTF-16 when it starts with a UTF-16 byte-order mark, and Windows-1252 otherwise. Line endings
 * (CRLF, lone CR) become `\n`. Binary files (NUL bytes, or mostly control characters) are refused
 * with `import_failed`, as are empty files.
 *
 * @example decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).text === 'café' // Windows-1252
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new QuireError('import_failed', `${fileName}: the file is empty`);
  let encoding: Encoding;
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (bytes.indexOf(0) !== -1) throw binary(fileName, 'it contains NUL bytes');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = fixC1(new TextDecoder('windows-1252').decode(bytes));
      encoding = 'windows-1252';
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let controls = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) if (isControl(text.charCodeAt(i))) controls++;
  if (n > 0 && controls / n > 0.1) throw binary(fileName, `${Math.round((100 * controls) / n)}% of its characters are control characters`);
  if (text.includes('\0')) throw binary(fileName, 'it contains NUL characters');
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new QuireError('import_failed', `${fileName}: the file has no text`);
  return { text, encoding };
}

/** Windows-1252's characters for bytes 0x80–0x9F (undefined bytes keep their C1 code). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node 20's `TextDecoder('windows-1252')` decodes as ISO-8859-1, so 0x80–0x9F come out as C1
 * control codes instead of curly quotes, dashes and €. Map them to what Windows-1252 means.
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function binary(fileName: string, why: string): QuireError {
  return new QuireError('import_failed', `${fileName}: this looks like a binary file, not text (${why})`);
}
