import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive.ts';
import { registerPostAccountRoutes } from './post-account.ts';
import { registerPostChapterRoutes } from './post-chapters.ts';
import { registerPostUploadRoutes } from './post-upload.ts';
import { registerPostWorkRoutes } from './post-work.ts';

/**
 * Posting and editing works on the web (docs/posting.md): the work form, chapters, uploads,
 * co-creator invitations, drafts and tag suggestions.
 */
export async function registerPostingRoutes(app: FastifyInstance, archive: Archive): Promise<void> {
  registerPostWorkRoutes(app, archive);
  registerPostChapterRoutes(app, archive);
  registerPostAccountRoutes(app, archive);
  await registerPostUploadRoutes(app, archive);
}
