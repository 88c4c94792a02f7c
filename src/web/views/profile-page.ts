import type { FastifyReply } from 'fastify';
import { FILTER_LIMITS } from '../../profiles/rules.ts';
import { CATEGORY_SLUGS, RATING_SLUGS, WARNING_SLUGS } from '../../search/query.ts';
import { CATEGORIES, RATINGS, WARNINGS, type FreeTagType } from '../../tags/tag.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, fieldId, notice, type FormErrors } from './account-fields.ts';
import { csrfField } from './forms.ts';
import { joinNames, plural, textArea } from './reader-fields.ts';
import { checkbox, choices, datalist, input, many, one, type FormValues } from './work-form-controls.ts';

/** The filters page: where a reader says what they never want to see. */

export const FILTERS_FORM = 'filters';

export interface FiltersView {
  /** A member's filters are saved with the account; a guest's in this browser's cookie. */
  member: boolean;
  values: FormValues;
  errors: FormErrors;
  message?: string;
  /** Common tags of each kind, for the tag fields' `<datalist>`s. */
  suggestions: Record<FreeTagType, readonly string[]>;
  /** Languages to offer (code and name), saved ones included. */
  languages: readonly { code: string; name: string }[];
  /** Saved tags the archive does not know yet. */
  unknownTags: readonly string[];
  /** How many accounts a member muted (their works are hidden too). */
  muted?: number;
  /** A local page to go back to (after a one-click "never show me"). */
  back?: string;
}

const TAG_FIELDS: { type: FreeTagType; name: string; label: string }[] = [
  { type: 'fandom', name: 'fandoms', label: 'Fandoms' },
  { type: 'relationship', name: 'relationships', label: 'Relationships' },
  { type: 'character', name: 'characters', label: 'Characters' },
  { type: 'additional', name: 'tags', label: 'Other tags' },
];

/** Field names as the error summary starts its sentences ("Creators have names that are…"), linking to each field. */
const SUMMARY_LABELS: Record<string, string> = {
  tags: 'Tags', fandoms: 'Fandoms', relationships: 'Relationships', characters: 'Characters',
  ratings: 'Ratings', warnings: 'Warnings', categories: 'Categories', languages: 'Languages',
  words_min: 'The shortest length', words_max: 'The longest length', creators: 'Creators',
};

const slugOptions = (slugs: Record<string, string>, names: readonly string[]) =>
  names.map((name) => ({ value: Object.keys(slugs).find((k) => slugs[k] === name) ?? name, label: name }));

function tagsSection(v: FiltersView): SafeHtml {
  return html`<fieldset class="form-section">
<legend>Tags</legend>
<p class="field-hint">Separate tags with commas. A tag also hides works tagged with its synonyms and subtags. Up to ${FILTER_LIMITS.tags} tags.</p>
${TAG_FIELDS.map((f) => {
  const list = `${FILTERS_FORM}-${f.name}-suggestions`;
  return html`${input({ form: FILTERS_FORM, name: f.name, label: f.label, value: one(v.values, f.name), list, tagType: f.type, cls: 'tag-field' }, v.errors)}
${datalist(list, v.suggestions[f.type])}\n`;
})}${v.unknownTags.length > 0 ? html`<p class="field-hint">The archive has no tag ${joinNames(v.unknownTags.map((t) => `“${t}”`))} yet: works will be hidden once they use ${v.unknownTags.length === 1 ? 'it' : 'them'}.</p>` : ''}
</fieldset>`;
}

function fixedSection(v: FiltersView): SafeHtml {
  return html`<fieldset class="form-section">
<legend>Ratings, warnings and categories</legend>
${choices({ form: FILTERS_FORM, name: 'ratings', label: 'Hide works rated', type: 'checkbox', options: slugOptions(RATING_SLUGS, RATINGS), checked: many(v.values, 'ratings') }, v.errors)}
${choices({ form: FILTERS_FORM, name: 'warnings', label: 'Hide works with the warning', type: 'checkbox', options: slugOptions(WARNING_SLUGS, WARNINGS), checked: many(v.values, 'warnings') }, v.errors)}
${choices({ form: FILTERS_FORM, name: 'categories', label: 'Hide works in the category', type: 'checkbox', options: slugOptions(CATEGORY_SLUGS, CATEGORIES), checked: many(v.values, 'categories'), cls: 'choices-inline' }, v.errors)}
</fieldset>`;
}

function languageSelect(v: FiltersView): SafeHtml {
  const id = fieldId(FILTERS_FORM, 'languages');
  const error = v.errors.languages;
  const chosen = many(v.values, 'languages');
  return html`<div class="field${error ? ' field-invalid' : ''}">
<label for="${id}">Hide works in these languages</label>
<p class="field-hint" id="${id}-hint">Choose several with Ctrl or ⌘.</p>
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}
<select id="${id}" name="languages" multiple size="${Math.min(8, Math.max(3, v.languages.length))}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? html` aria-invalid="true"` : ''}>
${v.languages.map((l) => html`<option value="${l.code}"${chosen.includes(l.code) ? html` selected` : ''}>${l.name}</option>\n`)}</select>
</div>`;
}

function otherSection(v: FiltersView): SafeHtml {
  return html`<fieldset class="form-section">
<legend>Crossovers, languages and length</legend>
${checkbox({ form: FILTERS_FORM, name: 'crossovers', label: 'Hide crossovers (works whose fandoms share no common fandom)', checked: one(v.values, 'crossovers') === '1' }, v.errors)}
${languageSelect(v)}
${input({ form: FILTERS_FORM, name: 'words_min', label: 'Hide works shorter than', type: 'number', min: 0, value: one(v.values, 'words_min'), hint: 'Words; leave empty for no limit.' }, v.errors)}
${input({ form: FILTERS_FORM, name: 'words_max', label: 'Hide works longer than', type: 'number', min: 0, value: one(v.values, 'words_max'), hint: 'Words; leave empty for no limit.' }, v.errors)}
</fieldset>`;
}

function creatorsSection(v: FiltersView): SafeHtml {
  const mutedNote =
    v.muted !== undefined
      ? html` Works by the ${plural(v.muted, 'account')} you <a href="/account/muted">muted</a> are hidden too.`
      : '';
  return html`<fieldset class="form-section">
<legend>Creators</legend>
${textArea({ form: FILTERS_FORM, name: 'creators', label: 'Hide works by these pen names', value: one(v.values, 'creators'), rows: 3, hint: `Separate pen names with commas. Up to ${FILTER_LIMITS.creators.toLocaleString('en')}.` }, v.errors)}
<p class="field-hint">A work by several creators is hidden when any of them is here.${mutedNote}</p>
</fieldset>`;
}

/**
 * `/filters`: the reader's "never show me" rules as one form (tags per kind with suggestions,
 * ratings, warnings and categories as check boxes, crossovers, languages, word bounds, pen
 * names), a Save button and a separate Clear form. Works without JavaScript.
 */
export function filtersPage(reply: FastifyReply, v: FiltersView): SafeHtml {
  const where = v.member
    ? html`They are saved with your account and apply wherever you are logged in.`
    : html`You are not logged in, so they are kept in this browser (a cookie) for a year. <a href="/login?return_to=%2Ffilters">Log in</a> to keep them with your account.`;
  return html`<div class="account-page filters-page">
<h1>Filters</h1>
${notice(v.message)}
${v.back ? html`<p><a href="${v.back}">Back to where you were</a></p>` : ''}
<p>Works matching any of these never appear in your listings, searches, counts or feeds: the archive leaves them out before counting. ${where}</p>
<p class="field-hint">A listing says how many works your filters hid, with a link to show them this once.</p>
${errorSummary(FILTERS_FORM, v.errors, SUMMARY_LABELS)}
<form method="post" action="/filters" class="account-form work-form filters-form" id="${FILTERS_FORM}-form" aria-label="Your filters" novalidate>
${csrfField(reply)}
${tagsSection(v)}
${fixedSection(v)}
${otherSection(v)}
${creatorsSection(v)}
<p class="form-actions"><button type="submit" class="button button-primary">Save filters</button></p>
</form>
<form method="post" action="/filters/clear" class="account-form" id="filters-clear-form" aria-label="Clear all filters">
${csrfField(reply)}
<p class="form-actions"><button type="submit" class="button">Clear all filters</button></p>
</form>
<script src="/static/tag-suggest.js" defer></script>
</div>`;
}
