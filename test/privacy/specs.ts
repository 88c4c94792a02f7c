import { downloadsFor } from '../../src/downloads/download.service.ts';
import { DOWNLOAD_EXTENSIONS } from '../../src/downloads/formats.ts';
import type { Form, Method } from './client.ts';
import { isOwner, mayView, secretsOf, SHARED, type MatrixWork, type State, type ViewerName, type World } from './world.ts';

/**
 * The table behind the privacy matrix: for every registered route (test/privacy/route-list.ts),
 * how to exercise it and what each viewer may get. routes.test.ts fails when the app registers a
 * route that is in none of these lists, so nobody adds an unchecked route.
 */

export interface Probe {
  method: Method;
  url: string;
  form?: Form;
  /** The JSON body (API probes). */
  json?: unknown;
  /** Names the probe in failures when one route is exercised several ways (`?view=full`, `.epub`). */
  label?: string;
  /** What a visible read answer must contain, where not the work's title (a chapter's JSON names only its own text). */
  shows?: string;
  /** Overrides the spec's `expect` for this probe. */
  outcome?: Outcome;
}

/** How a probe authenticates: cookie session, `Authorization: Bearer` token, or HTTP Basic app password. */
export type Via = 'web' | 'api' | 'opds';

/** What a visible cell answers: these statuses, or exactly what a work that does not exist answers. */
export type Outcome = number[] | 'ghost';

/**
 * A route that names one work (or something of one work: a chapter, a comment, a bookmark).
 * Where the work is invisible to the viewer, the answer must be the one for a work that does not
 * exist (a guessed URL learns nothing), must not contain the work's title or text, and must
 * change nothing. Where it is visible, `expect` gives the answer.
 */
export interface WorkSpec {
  group: 'read' | 'owner' | 'act' | 'comment' | 'feed';
  routes: string[];
  /** Whose credentials: the browser's cookie (default), a personal access token, or an app password. */
  via?: Via;
  probes(work: MatrixWork, viewer: ViewerName, world: World): Probe[];
  expect(viewer: ViewerName, state: State): Outcome;
  /** Who sees the work here (default: the rule itself). Feeds are made as a guest for everyone. */
  sees?(viewer: ViewerName, state: State): boolean;
  /** Visible cells that change or delete the work run against a fresh work in the same state. */
  fresh?(viewer: ViewerName, state: State): boolean;
  /** The route changes only the viewer's own list (not the work), so invisible cells may change that. */
  ownList?: boolean;
}

/**
 * A route that lists works (or names them: counts, facets, tags). A work invisible to the viewer
 * must leave no trace on it: not its title, tags, series, text, nor anyone's note about it.
 * `required` says where it must be listed; elsewhere, where visible, it may be.
 */
export interface ListSpec {
  group: 'lists' | 'own' | 'feed';
  routes: string[];
  via?: Via;
  /** One URL per viewer, or per viewer and state (`perState`: a page about that state's work only). */
  url(viewer: ViewerName, world: World, state: State): string | undefined;
  perState?: boolean;
  /** The status the page answers this viewer (default 200). For `perState`, where the work is invisible it is 404. */
  status?(viewer: ViewerName): number;
  /** Which of the state's strings shows that the work is listed. */
  marker?: 'title' | 'tag' | 'fandom' | 'series';
  required(viewer: ViewerName, state: State): boolean;
  /** Who may see it listed here (default: the rule). */
  sees?(viewer: ViewerName, state: State): boolean;
  /** Counts on the page must agree with what is listed. */
  counts?: 'listing' | 'fandoms' | 'json' | 'opds';
}

/** Routes that neither show, list nor change an existing work, with the reason. */
export const EXEMPT: Record<string, string> = {
  'GET /static/*': 'static files (CSS, icons, scripts)',
  'GET /signup': 'account sign-up form', 'POST /signup': 'account sign-up',
  'GET /login': 'log-in form', 'POST /login': 'log in', 'POST /logout': 'log out',
  'GET /password/forgot': 'password reset request', 'POST /password/forgot': 'password reset request',
  'GET /password/reset': 'password reset form', 'POST /password/reset': 'password reset',
  'GET /account': "the viewer's own settings (pen names with counts of their own works)",
  'POST /account/pseuds': 'own pen names', 'POST /account/pseuds/:id/rename': 'own pen names', 'POST /account/pseuds/:id/default': 'own pen names',
  'POST /account/password': 'own password', 'POST /account/email': 'own e-mail address',
  'POST /account/delete': "deletes the viewer's own account and acts on their own works only (account.test.ts)",
  'GET /account/co-creations': 'invitations addressed to the viewer, which the inviting creators chose to send',
  'POST /account/co-creations/:id/accept': 'answers an invitation addressed to the viewer (post-co-creators.test.ts)',
  'POST /account/co-creations/:id/decline': 'answers an invitation addressed to the viewer (post-co-creators.test.ts)',
  'GET /account/blocked': 'accounts the viewer blocked', 'POST /account/blocked': 'blocks an account', 'POST /account/blocked/:id/delete': 'unblocks an account',
  'GET /account/muted': 'accounts the viewer muted', 'POST /account/muted': 'mutes an account', 'POST /account/muted/:id/delete': 'unmutes an account',
  'GET /admin/invitations': 'invitation codes', 'POST /admin/invitations': 'invitation codes',
  'GET /admin/review': 'rating review queue: administrators only, 403 to everyone else; lists posted works only (admin-review.test.ts)',
  'POST /admin/review/:id/dismiss': "records an administrator's decision on a rating hint; 403 to everyone else, the same whether the work exists or not (admin-review.test.ts)",
  'GET /works/upload': 'the upload form', 'POST /works/upload': "makes a new draft of the viewer's own",
  'POST /works/new': "makes a new work of the viewer's own",
  'POST /subscriptions/:id/delete': "removes one of the viewer's own subscriptions, by subscription id (subscriptions.test.ts)",
  'POST /inbox': "marks the viewer's own notices read", 'POST /inbox/read-all': "the viewer's own notices",
  'POST /inbox/delete-read': "the viewer's own notices", 'POST /inbox/digest': "the viewer's own digest setting",
  'POST /history/pause': "the viewer's own history setting", 'POST /history/clear': "empties the viewer's own history",
  'GET /bookmarks': 'redirects to /users/:username/bookmarks, which is in the matrix',
  'GET /filters': "the viewer's hide rules (tag and creator names they typed); lists no work",
  'POST /filters': 'saves hide rules', 'POST /filters/clear': 'clears hide rules',
  'POST /filters/hide': 'adds a tag or creator name to the hide rules; names no work',
  // Credentials: these pages list and make the viewer's own tokens and app passwords, never a work. They need a login (tokens.test.ts).
  'GET /account/tokens': "the viewer's own tokens and app passwords; names no work",
  'POST /account/tokens': 'makes a personal access token for the viewer',
  'POST /account/tokens/:id/revoke': "revokes one of the viewer's own tokens",
  'POST /account/app-passwords': 'makes an app password for the viewer',
  'POST /account/app-passwords/:id/revoke': "revokes one of the viewer's own app passwords",
  'POST /api/v1/works': "makes a new work of the token owner's own (like POST /works/new)",
  'GET /api/v1/openapi.json': "the API's description; names no work",
  'GET /opds/opensearch.xml': "OpenSearch description of the catalog's search; names no work",
  // Tag wrangling (issue 5): wranglers and administrators only, 403 for everyone else (src/web/routes/wrangling.test.ts).
  // The queues count posted works per tag (drafts never), and name tags, never a work.
  'GET /wrangling': 'wranglers only: queues of unwrangled tags with counts; names no work',
  'GET /wrangling/queue': 'wranglers only: one queue of unwrangled tags; names no work',
  'POST /wrangling/queue': 'wranglers only: bulk wrangling of tags (audited)',
  'GET /wrangling/tags': 'wranglers only: redirects a tag name to its wrangling page',
  'GET /wrangling/tags/:id': "wranglers only: one tag's relations and audit rows; names no work",
  'POST /wrangling/tags/:id': 'wranglers only: one wrangling change to a tag (audited)',
  'GET /wrangling/audit': 'wranglers only: the wrangling audit log; names no work',
};


const COMMENT_FORM: Form = { comment: 'A matrix remark about the lamps.', name: 'Passer', email: 'passer@example.org', chapter: '', parent_id: '', back: '' };
const everyone = (): Outcome => [200];
const owners = (ok: number[]) => (v: ViewerName): Outcome => (isOwner(v) ? ok : 'ghost');
const moderators = (v: ViewerName): boolean => isOwner(v) || v === 'admin';
/** A guest's answer where logging in is needed, a member's otherwise. */
/** API write routes: a guest has no token (401 either way); others as for no work, creators `ok`. */
const apiOwners = (ok: number[]) => (v: ViewerName): Outcome => (isOwner(v) ? ok : 'ghost');
/** What the OPDS catalog shows: published works, restricted ones to members (app password), never drafts or hidden works. */
const opdsSees = (v: ViewerName, s: State): boolean => s === 'posted' || (s === 'restricted' && v !== 'guest');
const members = (guest: number, member: number) => (v: ViewerName): Outcome => [v === 'guest' ? guest : member];

export const WORK_SPECS: WorkSpec[] = [
  // Reading.
  { group: 'read', routes: ['GET /works/:id'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}` }, { method: 'GET', url: `/works/${w.id}?view=full`, label: '?view=full' }, { method: 'HEAD', url: `/works/${w.id}` }], expect: everyone },
  { group: 'read', routes: ['GET /works/:id/chapters/:n'], probes: (w) => [1, 2, 3].map((n) => ({ method: 'GET' as const, url: `/works/${w.id}/chapters/${n}` })), expect: everyone },
  {
    group: 'read',
    routes: ['GET /works/:id/download.:ext'],
    // Every format: one this machine cannot make (calibre's) answers as for no work at all.
    probes: (w, _v, world) => {
      const offered = new Set(downloadsFor(world.archive).formats().map((f) => f.ext));
      return DOWNLOAD_EXTENSIONS.map((ext) => ({ method: 'GET' as const, url: `/works/${w.id}/download.${ext}`, ...(offered.has(ext) ? {} : { outcome: 'ghost' as const }) }));
    },
    expect: () => [200, 202],
  },
  // The creators' pages: 404 to everyone else, administrators included.
  { group: 'owner', routes: ['GET /works/:id/edit'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}/edit` }], expect: owners([200]) },
  { group: 'owner', routes: ['GET /works/:id/delete'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}/delete` }], expect: owners([200]) },
  { group: 'owner', routes: ['GET /works/:id/chapters/manage'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}/chapters/manage` }], expect: owners([200]) },
  { group: 'owner', routes: ['GET /works/:id/chapters/new'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}/chapters/new` }], expect: owners([200]) },
  { group: 'owner', routes: ['GET /works/:id/chapters/:n/edit'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}/chapters/${w.chapterIds[1]}/edit` }], expect: owners([200]) },
  { group: 'owner', routes: ['GET /works/:id/chapters/:n/delete'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}/chapters/${w.chapterIds[1]}/delete` }], expect: owners([200]) },
  // An empty form reaches the creators' checks (422) without changing anything.
  { group: 'owner', routes: ['POST /works/:id/edit'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/edit` }], expect: owners([422]) },
  { group: 'owner', routes: ['POST /works/:id/chapters/new'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/chapters/new` }], expect: owners([422]) },
  { group: 'owner', routes: ['POST /works/:id/chapters/order'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/chapters/order` }], expect: owners([422]) },
  { group: 'owner', routes: ['POST /works/:id/chapters/:n/edit'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/chapters/${w.chapterIds[1]}/edit` }], expect: owners([422]) },
  // These change the work: a creator's cell runs on a fresh one.
  { group: 'owner', routes: ['POST /works/:id/chapters/:n/delete'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/chapters/${w.chapterIds[1]}/delete` }], expect: owners([303]), fresh: isOwner },
  { group: 'owner', routes: ['POST /works/:id/delete'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/delete` }], expect: owners([303]), fresh: isOwner },
  { group: 'owner', routes: ['POST /works/:id/post'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/post` }], expect: owners([303]), fresh: isOwner },
  { group: 'owner', routes: ['POST /admin/works/:id/hide'], probes: (w) => [{ method: 'POST', url: `/admin/works/${w.id}/hide`, form: { reason: 'matrix' } }], expect: (v) => (v === 'admin' ? [303] : 'ghost'), fresh: (v) => v === 'admin' },
  { group: 'owner', routes: ['POST /admin/works/:id/unhide'], probes: (w) => [{ method: 'POST', url: `/admin/works/${w.id}/unhide` }], expect: (v) => (v === 'admin' ? [303] : 'ghost'), fresh: (v) => v === 'admin' },
  // The reader's actions.
  {
    group: 'act',
    routes: ['POST /works/:id/kudos'],
    probes: (w) => [{ method: 'POST', url: `/works/${w.id}/kudos`, form: { back: '' } }],
    expect: (v) => [isOwner(v) || v === 'blocked' ? 403 : 303],
  },
  {
    group: 'act',
    routes: ['POST /works/:id/comments'],
    probes: (w) => [{ method: 'POST', url: `/works/${w.id}/comments`, form: COMMENT_FORM }],
    expect: (v) => [v === 'blocked' ? 403 : 303],
  },
  { group: 'act', routes: ['POST /works/:id/bookmark'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/bookmark`, form: { notes: 'matrix note', tags: '', back: '' } }], expect: members(403, 303) },
  { group: 'act', routes: ['POST /works/:id/later'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/later`, form: { back: '' } }], expect: members(403, 303) },
  { group: 'act', routes: ['POST /subscriptions'], probes: (w) => [{ method: 'POST', url: '/subscriptions', form: { kind: 'work', target: String(w.id), back: '' } }], expect: members(403, 303) },
  { group: 'act', routes: ['POST /works/:id/comment-settings'], probes: (w) => [{ method: 'POST', url: `/works/${w.id}/comment-settings`, form: { permission: 'everyone', back: '' } }], expect: (v) => [moderators(v) ? 303 : 403] },
  // Removing a work from one's own lists says nothing either way: the same answer as for no work.
  { group: 'act', routes: ['POST /later/:id/delete'], probes: (w) => [{ method: 'POST', url: `/later/${w.id}/delete`, form: { back: '' } }], expect: () => 'ghost', ownList: true },
  { group: 'act', routes: ['POST /history/:id/delete'], probes: (w) => [{ method: 'POST', url: `/history/${w.id}/delete` }], expect: () => 'ghost', ownList: true },
  // Keeper's bookmark is Keeper's alone.
  { group: 'act', routes: ['POST /bookmarks/:id/delete'], probes: (w) => [{ method: 'POST', url: `/bookmarks/${w.keeperBookmark}/delete`, form: { back: '' } }], expect: () => 'ghost' },
  // Reader's comments on the work.
  { group: 'comment', routes: ['GET /comments/:id/reply'], probes: (w) => [{ method: 'GET', url: `/comments/${w.comments.main}/reply` }], expect: (v) => [v === 'blocked' ? 403 : 200] },
  { group: 'comment', routes: ['GET /comments/:id/edit'], probes: (w) => [{ method: 'GET', url: `/comments/${w.comments.main}/edit` }], expect: (v) => [v === 'reader' ? 200 : 403] },
  { group: 'comment', routes: ['POST /comments/:id/edit'], probes: (w) => [{ method: 'POST', url: `/comments/${w.comments.main}/edit`, form: { comment: 'An edited remark about the lamps.' } }], expect: (v) => [v === 'reader' ? 303 : 403] },
  { group: 'comment', routes: ['POST /comments/:id/delete'], probes: (w, v) => [{ method: 'POST', url: `/comments/${w.comments.remove[v]}/delete`, form: { back: '' } }], expect: (v) => [v === 'reader' || moderators(v) ? 303 : 403] },
  { group: 'comment', routes: ['POST /comments/:id/freeze'], probes: (w) => [{ method: 'POST', url: `/comments/${w.comments.freeze}/freeze`, form: { back: '' } }], expect: (v) => [moderators(v) ? 303 : 403] },
  { group: 'comment', routes: ['POST /comments/:id/unfreeze'], probes: (w) => [{ method: 'POST', url: `/comments/${w.comments.freeze}/unfreeze`, form: { back: '' } }], expect: (v) => [moderators(v) ? 303 : 403] },
  { group: 'comment', routes: ['POST /comments/:id/approve'], probes: (w) => [{ method: 'POST', url: `/comments/${w.comments.main}/approve`, form: { back: '' } }], expect: (v) => [moderators(v) ? 303 : 403] },
  // Feeds are made as a guest whoever asks: a restricted work is in nobody's feed.
  { group: 'feed', routes: ['GET /works/:id/feed.atom'], probes: (w) => [{ method: 'GET', url: `/works/${w.id}/feed.atom` }], expect: everyone, sees: (_v, s) => mayView('guest', s) },
  // The JSON API, by personal access token (read and write scopes; a guest sends none and is answered 401 where a token is needed).
  { group: 'read', via: 'api', routes: ['GET /api/v1/works/:id'], probes: (w) => [{ method: 'GET', url: `/api/v1/works/${w.id}` }], expect: everyone },
  { group: 'read', via: 'api', routes: ['GET /api/v1/works/:id/chapters/:position'], probes: (w) => [1, 2, 3].map((n) => ({ method: 'GET' as const, url: `/api/v1/works/${w.id}/chapters/${n}`, shows: n === 3 ? 'A third lamp' : secretsOf(w.state).word })), expect: everyone },
  // OPDS shows members' published works only: never a draft or a hidden work, not even to its creators.
  { group: 'read', via: 'opds', routes: ['GET /opds/works/:id'], probes: (w) => [{ method: 'GET', url: `/opds/works/${w.id}` }], expect: everyone, sees: (v, s) => opdsSees(v, s) },
  { group: 'owner', via: 'api', routes: ['PATCH /api/v1/works/:id'], probes: (w) => [{ method: 'PATCH', url: `/api/v1/works/${w.id}`, json: { title: '' } }], expect: apiOwners([422]) },
  { group: 'owner', via: 'api', routes: ['POST /api/v1/works/:id/chapters'], probes: (w) => [{ method: 'POST', url: `/api/v1/works/${w.id}/chapters`, json: { html: '' } }], expect: apiOwners([422]) },
  { group: 'owner', via: 'api', routes: ['PATCH /api/v1/works/:id/chapters/:position'], probes: (w) => [{ method: 'PATCH', url: `/api/v1/works/${w.id}/chapters/2`, json: { html: '' } }], expect: apiOwners([422]) },
  { group: 'owner', via: 'api', routes: ['DELETE /api/v1/works/:id/chapters/:position'], probes: (w) => [{ method: 'DELETE', url: `/api/v1/works/${w.id}/chapters/2` }], expect: apiOwners([204]), fresh: isOwner },
  { group: 'owner', via: 'api', routes: ['DELETE /api/v1/works/:id'], probes: (w) => [{ method: 'DELETE', url: `/api/v1/works/${w.id}` }], expect: apiOwners([204]), fresh: isOwner },
  { group: 'act', via: 'api', routes: ['POST /api/v1/works/:id/kudos'], probes: (w) => [{ method: 'POST', url: `/api/v1/works/${w.id}/kudos` }], expect: (v) => [v === 'guest' ? 401 : isOwner(v) || v === 'blocked' ? 403 : 200] },
  { group: 'act', via: 'api', routes: ['POST /api/v1/works/:id/comments'], probes: (w) => [{ method: 'POST', url: `/api/v1/works/${w.id}/comments`, json: { text: 'A matrix remark about the lamps, by token.' } }], expect: (v) => [v === 'guest' ? 401 : v === 'blocked' ? 403 : 201] },
  { group: 'act', via: 'api', routes: ['PUT /api/v1/works/:id/bookmark'], probes: (w) => [{ method: 'PUT', url: `/api/v1/works/${w.id}/bookmark`, json: { notes: 'matrix note by token' } }], expect: members(401, 200) },
  { group: 'act', via: 'api', routes: ['PUT /api/v1/me/later/:id'], probes: (w) => [{ method: 'PUT', url: `/api/v1/me/later/${w.id}` }], expect: members(401, 204) },
  { group: 'act', via: 'api', routes: ['POST /api/v1/me/subscriptions'], probes: (w) => [{ method: 'POST', url: '/api/v1/me/subscriptions', json: { kind: 'work', target_id: w.id } }], expect: members(401, 201) },
  // Taking a work off one's own list says nothing either way.
  { group: 'act', via: 'api', routes: ['DELETE /api/v1/me/later/:id'], probes: (w) => [{ method: 'DELETE', url: `/api/v1/me/later/${w.id}` }], expect: () => 'ghost', ownList: true },
  // Keeper's bookmark and subscription are Keeper's alone.
  { group: 'act', via: 'api', routes: ['DELETE /api/v1/me/bookmarks/:id'], probes: (w) => [{ method: 'DELETE', url: `/api/v1/me/bookmarks/${w.keeperBookmark}` }], expect: () => 'ghost' },
  { group: 'act', via: 'api', routes: ['DELETE /api/v1/me/subscriptions/:id'], probes: (w) => [{ method: 'DELETE', url: `/api/v1/me/subscriptions/${w.keeperSubscription}` }], expect: () => 'ghost' },
];

const asGuest = (_v: ViewerName, s: State) => mayView('guest', s);
const shown = (v: ViewerName, s: State) => mayView(v, s) && (s === 'posted' || s === 'restricted');
const enc = encodeURIComponent;
const memberOnly = (v: ViewerName) => (v === 'guest' ? 303 : 200);
/** API and OPDS routes of the owner's own: 401 without credentials. */
const tokenOnly = (v: ViewerName) => (v === 'guest' ? 401 : 200);

export const LIST_SPECS: ListSpec[] = [
  { group: 'lists', routes: ['GET /'], url: () => '/', required: shown },
  { group: 'lists', routes: ['GET /works'], url: () => '/works', required: shown, counts: 'listing' },
  // Its series neighbours (Previous / Next work) name only works the viewer may see.
  { group: 'lists', routes: [], url: (_v, w) => `/works/${w.baseId}`, required: () => false },
  { group: 'lists', routes: ['GET /tags/:name'], url: () => `/tags/${enc(SHARED.tag)}`, required: shown, counts: 'listing' },
  { group: 'lists', routes: [], url: () => `/tags/${enc(SHARED.fandom)}`, required: shown, counts: 'listing' },
  { group: 'lists', routes: [], url: (_v, _w, s) => `/tags/${enc(secretsOf(s).tag)}`, perState: true, required: shown },
  { group: 'lists', routes: ['GET /fandoms'], url: () => '/fandoms', marker: 'fandom', required: shown, counts: 'fandoms' },
  { group: 'lists', routes: ['GET /series/:id'], url: (_v, w) => `/series/${w.sharedSeriesId}`, required: shown },
  { group: 'lists', routes: [], url: (_v, w, s) => `/series/${w.works[s].seriesId}`, perState: true, required: shown },
  { group: 'lists', routes: ['GET /creators/:name'], url: (_v, w) => `/creators/${w.usernames.creator}`, required: shown, counts: 'listing' },
  { group: 'lists', routes: [], url: (_v, w) => `/creators/${w.usernames.coCreator}`, required: shown, counts: 'listing' },
  { group: 'lists', routes: ['GET /search'], url: () => '/search?q=lantern', required: shown, counts: 'listing' },
  { group: 'lists', routes: [], url: () => `/search?q=${enc('glimmer OR postedglimmer OR restrictedglimmer OR draftglimmer OR hiddenglimmer')}`, required: () => false },
  { group: 'lists', routes: [], url: () => `/search?tag=${enc(SHARED.tag)}`, required: shown, counts: 'listing' },
  { group: 'lists', routes: ['GET /tags/autocomplete'], url: () => `/tags/autocomplete?type=additional&q=${enc('Tag Only')}`, marker: 'tag', required: shown, sees: shown },
  // The form offers tags in use (and the creator's own series): never another's draft or hidden work's.
  { group: 'lists', routes: ['GET /works/new'], url: () => '/works/new', status: memberOnly, marker: 'tag', required: () => false },
  { group: 'lists', routes: ['GET /users/:username/bookmarks'], url: () => '/users/Keeper/bookmarks', required: shown, counts: 'listing' },
  { group: 'lists', routes: [], url: () => '/users/Keeper/bookmarks?q=lantern', required: shown, counts: 'listing' },
  // The viewer's own lists, filled while every work was posted.
  { group: 'own', routes: [], url: (v, w) => (v === 'guest' ? undefined : `/users/${w.usernames[v]}/bookmarks`), required: shown, counts: 'listing' },
  { group: 'own', routes: ['GET /later'], url: () => '/later', status: memberOnly, required: shown, counts: 'listing' },
  { group: 'own', routes: ['GET /history'], url: () => '/history', status: memberOnly, required: shown, counts: 'listing' },
  { group: 'own', routes: ['GET /subscriptions'], url: () => '/subscriptions', status: memberOnly, required: (v, s) => shown(v, s) && !isOwner(v) },
  { group: 'own', routes: ['GET /inbox'], url: () => '/inbox', status: memberOnly, required: (v, s) => shown(v, s) && !isOwner(v) },
  { group: 'own', routes: ['GET /account/drafts'], url: () => '/account/drafts', status: memberOnly, required: (v, s) => isOwner(v) && s === 'draft', sees: (v, s) => isOwner(v) && s === 'draft' },
  // Feeds, made as a guest for everyone.
  { group: 'feed', routes: ['GET /tags/:name/feed.atom'], url: () => `/tags/${enc(SHARED.tag)}/feed.atom`, required: asGuest, sees: asGuest },
  { group: 'feed', routes: ['GET /creators/:name/feed.atom'], url: (_v, w) => `/creators/${w.usernames.creator}/feed.atom`, required: asGuest, sees: asGuest },
  { group: 'feed', routes: ['GET /series/:id/feed.atom'], url: (_v, w) => `/series/${w.sharedSeriesId}/feed.atom`, required: asGuest, sees: asGuest },
  { group: 'feed', routes: ['GET /search/feed.atom'], url: () => '/search/feed.atom?q=lantern', required: asGuest, sees: asGuest },
  // The JSON API's listings, by personal access token: totals count only what is listed.
  { group: 'lists', via: 'api', routes: ['GET /api/v1/works'], url: () => '/api/v1/works', required: shown, counts: 'json' },
  { group: 'lists', via: 'api', routes: ['GET /api/v1/search'], url: () => '/api/v1/search?q=lantern', required: shown, counts: 'json' },
  { group: 'lists', via: 'api', routes: [], url: () => `/api/v1/search?q=${enc('glimmer OR postedglimmer OR restrictedglimmer OR draftglimmer OR hiddenglimmer')}`, required: () => false },
  { group: 'lists', via: 'api', routes: ['GET /api/v1/tags'], url: () => '/api/v1/tags', marker: 'tag', required: () => false },
  { group: 'lists', via: 'api', routes: ['GET /api/v1/tags/:name'], url: () => `/api/v1/tags/${enc(SHARED.tag)}`, required: () => false },
  { group: 'lists', via: 'api', routes: [], url: (_v, _w, s) => `/api/v1/tags/${enc(secretsOf(s).tag)}`, perState: true, marker: 'tag', required: shown },
  { group: 'lists', via: 'api', routes: ['GET /api/v1/series/:id'], url: (_v, w) => `/api/v1/series/${w.sharedSeriesId}`, required: shown },
  { group: 'lists', via: 'api', routes: [], url: (_v, w, s) => `/api/v1/series/${w.works[s].seriesId}`, perState: true, required: shown },
  { group: 'lists', via: 'api', routes: ['GET /api/v1/creators/:name'], url: (_v, w) => `/api/v1/creators/${w.usernames.creator}`, required: () => false },
  { group: 'lists', via: 'api', routes: ['GET /api/v1/creators/:name/works'], url: (_v, w) => `/api/v1/creators/${w.usernames.coCreator}/works`, required: shown, counts: 'json' },
  // The token owner's lists, filled while every work was posted.
  { group: 'own', via: 'api', routes: ['GET /api/v1/me'], url: () => '/api/v1/me', status: tokenOnly, required: () => false },
  { group: 'own', via: 'api', routes: ['GET /api/v1/me/bookmarks'], url: () => '/api/v1/me/bookmarks', status: tokenOnly, required: shown, counts: 'json' },
  { group: 'own', via: 'api', routes: ['GET /api/v1/me/kudos'], url: () => '/api/v1/me/kudos', status: tokenOnly, required: (v, s) => shown(v, s) && !isOwner(v) && v !== 'blocked', counts: 'json' },
  { group: 'own', via: 'api', routes: ['GET /api/v1/me/comments'], url: () => '/api/v1/me/comments', status: tokenOnly, required: () => false, counts: 'json' },
  { group: 'own', via: 'api', routes: ['GET /api/v1/me/subscriptions'], url: () => '/api/v1/me/subscriptions', status: tokenOnly, required: (v, s) => shown(v, s) && !isOwner(v), counts: 'json' },
  { group: 'own', via: 'api', routes: ['GET /api/v1/me/later'], url: () => '/api/v1/me/later', status: tokenOnly, required: shown, counts: 'json' },
  // OPDS, by app password: published works only (opdsSees), whoever the reader is.
  { group: 'feed', via: 'opds', routes: ['GET /opds'], url: () => '/opds', required: () => false, sees: opdsSees },
  { group: 'feed', via: 'opds', routes: ['GET /opds/new'], url: () => '/opds/new', required: opdsSees, sees: opdsSees, counts: 'opds' },
  { group: 'feed', via: 'opds', routes: ['GET /opds/fandoms'], url: () => '/opds/fandoms', marker: 'fandom', required: opdsSees, sees: opdsSees },
  { group: 'feed', via: 'opds', routes: ['GET /opds/tags'], url: () => '/opds/tags', marker: 'tag', required: () => false, sees: opdsSees },
  { group: 'feed', via: 'opds', routes: ['GET /opds/tags/:name'], url: () => `/opds/tags/${enc(SHARED.tag)}`, required: opdsSees, sees: opdsSees, counts: 'opds' },
  { group: 'feed', via: 'opds', routes: [], url: (_v, _w, s) => `/opds/tags/${enc(secretsOf(s).tag)}`, perState: true, required: opdsSees, sees: opdsSees },
  { group: 'feed', via: 'opds', routes: ['GET /opds/series'], url: () => '/opds/series', marker: 'series', required: () => false, sees: opdsSees },
  { group: 'feed', via: 'opds', routes: ['GET /opds/series/:id'], url: (_v, w) => `/opds/series/${w.sharedSeriesId}`, required: opdsSees, sees: opdsSees },
  { group: 'feed', via: 'opds', routes: [], url: (_v, w, s) => `/opds/series/${w.works[s].seriesId}`, perState: true, required: opdsSees, sees: opdsSees },
  { group: 'feed', via: 'opds', routes: ['GET /opds/creators/:name'], url: (_v, w) => `/opds/creators/${w.usernames.creator}`, required: opdsSees, sees: opdsSees, counts: 'opds' },
  { group: 'feed', via: 'opds', routes: ['GET /opds/search'], url: () => '/opds/search?q=lantern', required: opdsSees, sees: opdsSees, counts: 'opds' },
  { group: 'own', via: 'opds', routes: ['GET /opds/me/bookmarks'], url: () => '/opds/me/bookmarks', status: tokenOnly, required: opdsSees, sees: opdsSees, counts: 'opds' },
  { group: 'own', via: 'opds', routes: ['GET /opds/me/later'], url: () => '/opds/me/later', status: tokenOnly, required: opdsSees, sees: opdsSees, counts: 'opds' },
  { group: 'own', via: 'opds', routes: ['GET /opds/me/subscriptions'], url: () => '/opds/me/subscriptions', status: tokenOnly, required: (v, s) => opdsSees(v, s) && !isOwner(v), sees: opdsSees },
];
