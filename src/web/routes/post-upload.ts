import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Archive } from '../../archive.ts';
import { supportedExtensions } from '../../formats/registry.ts';
import { logger } from '../../log.ts';
import { draftFromUpload, UPLOAD_MAX_BYTES } from '../../works/posting-upload.ts';
import { sendPage } from '../render.ts';
import { uploadPage } from '../views/post-pages.ts';
import { workHref } from '../views/format.ts';
import { noStore } from './auth-forms.ts';
import { loginRedirect, memberAccount } from './post-common.ts';
import { postingErrors } from './post-form.ts';

const log = logger('web');

/** An uploaded file as the route sees it: read to the size limit, and whether it went past it. */
interface Upload {
  filename: string;
  data: Buffer;
  truncated: boolean;
}

function isUpload(v: unknown): v is Upload {
  return typeof v === 'object' && v !== null && Buffer.isBuffer((v as Upload).data);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * `/works/upload`: a .txt, .md or .html file (whatever the importers read) becomes a draft that
 * opens in the edit form. Multipart bodies are parsed only here (an encapsulated plugin): one
 * file of at most 5 MB, a few short fields; the file is read into memory, its size checked, and
 * the CSRF token checked after the body is in. A file over the limit gets the form back with 413.
 */
export async function registerPostUploadRoutes(app: FastifyInstance, archive: Archive): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
      throwFileSizeLimit: false,
      attachFieldsToBody: 'keyValues',
      async onFile(part: MultipartFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const upload: Upload = { filename: part.filename, data: Buffer.concat(chunks), truncated: part.file.truncated };
        (part as unknown as { value: Upload }).value = upload;
      },
    });

    async function show(reply: FastifyReply, accountId: number, pseud: string, errors: Record<string, string>, status = 200): Promise<FastifyReply> {
      const { pseuds } = await archive.posting.choices(accountId);
      const account = await archive.accounts.get(accountId);
      noStore(reply);
      const chosen = pseud || String(account?.defaultPseudId ?? pseuds[0]?.id ?? '');
      return sendPage(reply, archive.config, { title: ['Upload a work'], body: uploadPage(reply, { pseuds, pseud: chosen, errors, extensions: supportedExtensions(), maxBytes: UPLOAD_MAX_BYTES }) }, status);
    }

    scope.get('/works/upload', async (req, reply) => {
      const accountId = memberAccount(req);
      if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
      return show(reply, accountId, '', {});
    });

    scope.post('/works/upload', { preHandler: scope.csrfProtection }, async (req, reply) => {
      const accountId = memberAccount(req);
      if (accountId === undefined) return reply.redirect(loginRedirect(req), 303);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
      const pseud = text(body.pseud);
      const file = body.file;
      if (!isUpload(file) || file.filename === '') return show(reply, accountId, pseud, { file: 'is needed: choose a file to upload' }, 422);
      if (file.truncated) {
        const mb = Math.round(UPLOAD_MAX_BYTES / (1024 * 1024));
        return show(reply, accountId, pseud, { file: `is larger than ${mb} MB, the most Quire takes in one upload. Split it, or ask the archive’s operator to import it with quire import.` }, 413);
      }
      const fallback = pseud === '' ? (await archive.accounts.get(accountId))?.defaultPseudId : undefined;
      const pseudId = /^[1-9]\d{0,14}$/.test(pseud) ? Number(pseud) : (fallback ?? 0);
      try {
        const { work, warnings } = await draftFromUpload(archive.posting, accountId, pseudId, file.filename, file.data);
        log.info({ workId: work.id, accountId, bytes: file.data.length, warnings: warnings.length }, 'upload read into a draft');
        return reply.redirect(`${workHref(work.id)}/edit?done=uploaded&suggest=1`, 303);
      } catch (err) {
        const errors = postingErrors(err);
        if (!errors) throw err;
        return show(reply, accountId, pseud, errors, 422);
      }
    });
  });
}
