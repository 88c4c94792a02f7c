import type { Work } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { workHref } from './format.ts';

/**
 * The links a work's creators see on its page: Edit, Add chapter, Chapters, Delete; and, on a
 * draft, a line saying that nobody else can see it. Never shown to anyone else.
 */
export function ownerActions(work: Pick<Work, 'id' | 'status'>): SafeHtml {
  const base = workHref(work.id);
  return html`<nav class="owner-actions" aria-label="Your work">
${work.status === 'draft' ? html`<p class="draft-banner"><strong>Draft.</strong> Only its creators can see this work. <a href="${base}/edit">Post it from the edit form</a>.</p>` : ''}
<ul class="owner-links">
<li><a class="button" href="${base}/edit">Edit</a></li>
<li><a class="button" href="${base}/chapters/new">Add chapter</a></li>
<li><a class="button" href="${base}/chapters/manage">Chapters</a></li>
<li><a class="button" href="${base}/delete">Delete</a></li>
</ul>
</nav>`;
}
