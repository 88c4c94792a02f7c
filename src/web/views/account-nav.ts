import type { FastifyReply } from 'fastify';
import type { Config } from '../../config/config.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfField } from './forms.ts';

/** Pages a "Log in" link should not come back to. */
const NO_RETURN = /^\/(login|signup|logout|password\/)/;

/** `/login?return_to=<this page>` for a GET page with a short local address; plain `/login` otherwise. */
function loginHref(reply: FastifyReply): string {
  const req = reply.request;
  const url = req.url;
  if (req.method !== 'GET' || url === '/' || url.length > 500 || NO_RETURN.test(url) || !url.startsWith('/') || url.startsWith('//')) return '/login';
  return `/login?return_to=${encodeURIComponent(url)}`;
}

/**
 * The header's account links. A guest sees "Log in" and (unless sign-ups are closed) "Sign up";
 * a member sees their username, "Account", "Admin" for admins, and "Log out" (a POST form with
 * its CSRF token, so no other site can log anyone out).
 */
export function accountNav(reply: FastifyReply, signup: Config['signup']): SafeHtml {
  const viewer = reply.request.viewer;
  if (viewer?.kind !== 'member') {
    return html`<nav class="account-nav" aria-label="Account">
<ul>
<li><a href="/filters">Filters</a></li>
<li><a href="${loginHref(reply)}">Log in</a></li>
${signup === 'closed' ? '' : html`<li><a href="/signup">Sign up</a></li>`}
</ul>
</nav>`;
  }
  return html`<nav class="account-nav" aria-label="Account">
<ul>
<li class="account-name">${viewer.username ?? ''}</li>
<li><a href="/works/new">Post</a></li>
<li><a href="/account/drafts">Drafts</a></li>
<li><a href="/inbox">Inbox</a></li>
<li><a href="/filters">Filters</a></li>
<li><a href="/account">Account</a></li>
${viewer.admin ? html`<li><a href="/admin/invitations">Admin</a></li>` : ''}
${viewer.admin ? html`<li><a href="/admin/review">Rating review</a></li>` : ''}
<li><form class="logout-form" method="post" action="/logout">${csrfField(reply)}<button type="submit" class="link-button">Log out</button></form></li>
</ul>
</nav>`;
}
