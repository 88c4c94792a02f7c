import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { csrfTokenIn, type Browser } from './account.testing.ts';

/** Test helpers for the posting forms: a complete valid form, and multipart bodies for uploads. */

export type Fields = Record<string, string | string[]>;

/** Every field of a valid new-work form (first chapter included); override what the test is about. */
export function workForm(pseudId: number | string, overrides: Fields = {}): Fields {
  return {
    title: 'The Salt Road',
    pseuds: [String(pseudId)],
    co_creators: '',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    fandoms: 'Lanterns of Ebb',
    relationships: '',
    characters: 'Maren Coil, Tobias Reed',
    tags: 'Found Family, Road Trip',
    summary: 'Two cousins walk the salt road to the sea.',
    notes: '',
    end_notes: '',
    series_id: '',
    series_title: '',
    series_position: '',
    language: 'en',
    restricted: '',
    progress: 'complete',
    expected_chapters: '',
    published_on: '',
    chapter_title: '',
    text_format: 'text',
    chapter_text: 'The road was white with salt.\n\nMaren counted the mile stones aloud, and Tobias pretended not to listen.',
    action: 'post',
    ...overrides,
  };
}

/** Opens `page`, then posts `fields` to `action` with the CSRF token of its form. */
export async function submitForm(b: Browser, page: string, action: string, fields: Fields): Promise<LightMyRequestResponse> {
  return b.submit(page, action, fields);
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; field?: string; content: string | Buffer; type?: string }): { contentType: string; body: Buffer } {
  const boundary = `----quire${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** Uploads a file through /works/upload with the upload form's CSRF token. */
export async function upload(b: Browser, file: { name: string; content: string | Buffer }, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const page = await b.get('/works/upload');
  const token = csrfTokenIn(page.body, '/works/upload');
  const { contentType, body } = multipart({ _csrf: token, ...fields }, file);
  return b.send('/works/upload', contentType, body);
}

/** The work id in a `/works/12…` redirect. */
export function workIdFrom(res: LightMyRequestResponse): number {
  const m = /^\/works\/(\d+)/.exec(String(res.headers.location ?? ''));
  if (!m) throw new Error(`no work in the redirect (status ${res.statusCode}, location ${String(res.headers.location)}):\n${res.body.slice(0, 2000)}`);
  return Number(m[1]);
}
