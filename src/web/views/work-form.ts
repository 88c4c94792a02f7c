import type { FastifyReply } from 'fastify';
import { CATEGORIES, RATINGS, WARNINGS, type FreeTagType } from '../../tags/tag.types.ts';
import { LANGUAGES } from '../../works/language.ts';
import { LIMITS } from '../../works/limits.ts';
import type { OwnSeries } from '../../works/posting.types.ts';
import type { Creator } from '../../works/work.types.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, type FormErrors } from './account-fields.ts';
import { csrfField } from './forms.ts';
import { creatorLinks } from './format.ts';
import { checkbox, choices, datalist, input, many, one, select, textarea, type FormValues } from './work-form-controls.ts';

/** The work form (post and edit), shared by `/works/new`, `/works/:id/edit` and their previews. */

export const WORK_FORM = 'work';

/** Labels by field name, for the fields and for the error summary that links to them. */
export const WORK_LABELS: Record<string, string> = {
  pseuds: 'Your pen names', co_creators: 'Invite co-creators', rating: 'Rating', warnings: 'Archive warnings',
  categories: 'Categories', fandoms: 'Fandoms', relationships: 'Relationships', characters: 'Characters',
  tags: 'Additional tags', title: 'Title', summary: 'Summary', notes: 'Notes', end_notes: 'End notes',
  series_id: 'Series', series_title: 'New series title', series_position: 'Part number in the series',
  language: 'Language', restricted: 'Who may read it', progress: 'Complete or in progress',
  expected_chapters: 'Expected number of chapters', published_on: 'Published on',
  chapter_title: 'Chapter title', chapter_summary: 'Chapter summary', chapter_notes: 'Chapter notes',
  chapter_end_notes: 'Chapter end notes', text_format: 'Text format', chapter_text: 'Chapter text',
};

export interface WorkFormView {
  mode: 'new' | 'edit';
  /** Where the form posts. */
  action: string;
  values: FormValues;
  errors: FormErrors;
  /** The account's pen names. */
  pseuds: readonly Creator[];
  /** Series the account writes in (plus, on an edit, the work's own). */
  series: readonly OwnSeries[];
  /** On an edit: creators from other accounts, who stay unless they leave. */
  otherCreators?: readonly Creator[];
  pendingCoCreators?: readonly string[];
  /** Common tags offered in each tag field's `<datalist>`. */
  suggestions: Record<FreeTagType, readonly string[]>;
  /** On an edit: whether the work is still a draft (the buttons differ). */
  status?: 'draft' | 'posted';
  /** Suggestions from the text ("Suggest tags from my text"), shown after the buttons. */
  suggestPanel?: SafeHtml;
}

const TAG_HINT = 'Separate tags with commas.';

function tagField(view: WorkFormView, name: string, type: FreeTagType, hint: string, required = false): SafeHtml {
  const list = `${WORK_FORM}-${name}-suggestions`;
  return html`${input({ form: WORK_FORM, name, label: WORK_LABELS[name]!, value: one(view.values, name), hint, required, list, tagType: type, cls: 'tag-field' }, view.errors)}
${datalist(list, view.suggestions[type])}`;
}

function creatorsSection(view: WorkFormView): SafeHtml {
  const v = view.values;
  const others = view.otherCreators ?? [];
  const pending = view.pendingCoCreators ?? [];
  return html`<fieldset class="form-section">
<legend>Creators</legend>
${choices({ form: WORK_FORM, name: 'pseuds', label: WORK_LABELS.pseuds!, type: 'checkbox', options: view.pseuds.map((p) => ({ value: String(p.id), label: p.name })), checked: many(v, 'pseuds'), hint: 'Which of your pen names the work is credited to.' }, view.errors)}
${others.length > 0 ? html`<p class="field-hint">Also credited: ${creatorLinks(others)}. They can remove themselves.</p>` : ''}
${pending.length > 0 ? html`<p class="field-hint">Invited, waiting for an answer: ${pending.join(', ')}.</p>` : ''}
${input({ form: WORK_FORM, name: 'co_creators', label: WORK_LABELS.co_creators!, value: one(v, 'co_creators'), hint: 'Other members’ pen names, separated by commas. Each is asked first, and credited only after accepting.' }, view.errors)}
</fieldset>`;
}

function tagsSection(view: WorkFormView): SafeHtml {
  const v = view.values;
  const e = view.errors;
  return html`<fieldset class="form-section">
<legend>Tags</legend>
${choices({ form: WORK_FORM, name: 'rating', label: WORK_LABELS.rating!, type: 'radio', options: RATINGS.map((r) => ({ value: r, label: r })), checked: [one(v, 'rating')], required: true }, e)}
${choices({ form: WORK_FORM, name: 'warnings', label: WORK_LABELS.warnings!, type: 'checkbox', options: WARNINGS.map((w) => ({ value: w, label: w })), checked: many(v, 'warnings'), required: true, hint: 'Choose at least one.' }, e)}
${choices({ form: WORK_FORM, name: 'categories', label: WORK_LABELS.categories!, type: 'checkbox', options: CATEGORIES.map((c) => ({ value: c, label: c })), checked: many(v, 'categories'), cls: 'choices-inline' }, e)}
${tagField(view, 'fandoms', 'fandom', TAG_HINT, true)}
${tagField(view, 'relationships', 'relationship', `${TAG_HINT} “A/B” for a romantic relationship, “A & B” for a platonic one.`)}
${tagField(view, 'characters', 'character', TAG_HINT)}
${tagField(view, 'tags', 'additional', TAG_HINT)}
</fieldset>`;
}

function prefaceSection(view: WorkFormView): SafeHtml {
  const v = view.values;
  const e = view.errors;
  return html`<fieldset class="form-section">
<legend>Preface</legend>
${input({ form: WORK_FORM, name: 'title', label: WORK_LABELS.title!, value: one(v, 'title'), maxlength: LIMITS.titleMax, required: true }, e)}
${textarea({ form: WORK_FORM, name: 'summary', label: WORK_LABELS.summary!, value: one(v, 'summary'), rows: 4, hint: `Up to ${LIMITS.summaryMax.toLocaleString('en')} characters. Plain text, or HTML.` }, e)}
${textarea({ form: WORK_FORM, name: 'notes', label: WORK_LABELS.notes!, value: one(v, 'notes'), rows: 4, hint: 'Shown before the work.' }, e)}
${textarea({ form: WORK_FORM, name: 'end_notes', label: WORK_LABELS.end_notes!, value: one(v, 'end_notes'), rows: 4, hint: 'Shown after the last chapter.' }, e)}
</fieldset>`;
}

function seriesOptions(view: WorkFormView): { value: string; label: string }[] {
  return [
    { value: '', label: 'Not in a series' },
    ...view.series.map((s) => ({ value: String(s.id), label: s.title })),
    { value: 'new', label: 'A new series (title below)' },
  ];
}

/** Every listed language, and the work's own when it is not among them (so an edit never changes it unasked). */
function languageOptions(current: string): { value: string; label: string }[] {
  const listed = Object.entries(LANGUAGES).map(([code, name]) => ({ value: code, label: name }));
  return listed.some((o) => o.value === current) ? listed : [...listed, { value: current, label: current }];
}

function associationsSection(view: WorkFormView): SafeHtml {
  const v = view.values;
  const e = view.errors;
  const language = one(v, 'language') || 'en';
  return html`<fieldset class="form-section">
<legend>Series, language and readers</legend>
${select({ form: WORK_FORM, name: 'series_id', label: WORK_LABELS.series_id!, value: one(v, 'series_id'), options: seriesOptions(view) }, e)}
${input({ form: WORK_FORM, name: 'series_title', label: WORK_LABELS.series_title!, value: one(v, 'series_title'), maxlength: LIMITS.seriesTitleMax, hint: 'Only for a new series.' }, e)}
${input({ form: WORK_FORM, name: 'series_position', label: WORK_LABELS.series_position!, type: 'number', value: one(v, 'series_position'), min: 1, hint: 'Leave empty to add it at the end.' }, e)}
${select({ form: WORK_FORM, name: 'language', label: WORK_LABELS.language!, value: language, required: true, options: languageOptions(language) }, e)}
${checkbox({ form: WORK_FORM, name: 'restricted', label: 'Only show this work to readers who are logged in', checked: one(v, 'restricted') === '1' }, e)}
</fieldset>`;
}

function publicationSection(view: WorkFormView): SafeHtml {
  const v = view.values;
  const e = view.errors;
  const draft = view.mode === 'new' || view.status === 'draft';
  return html`<fieldset class="form-section">
<legend>Publication</legend>
${choices({ form: WORK_FORM, name: 'progress', label: WORK_LABELS.progress!, type: 'radio', options: [{ value: 'complete', label: 'Complete' }, { value: 'in_progress', label: 'In progress: more chapters to come' }], checked: [one(v, 'progress') || 'complete'] }, e)}
${input({ form: WORK_FORM, name: 'expected_chapters', label: WORK_LABELS.expected_chapters!, type: 'number', value: one(v, 'expected_chapters'), min: 1, max: LIMITS.chaptersMax, hint: 'For a work in progress; leave empty if you do not know yet.' }, e)}
${input({ form: WORK_FORM, name: 'published_on', label: WORK_LABELS.published_on!, type: 'date', value: one(v, 'published_on'), hint: draft ? 'Leave empty for the day you post it; an earlier date backdates it (never a future one). Format: YYYY-MM-DD.' : 'An earlier date backdates the work; never a future one. Format: YYYY-MM-DD.' }, e)}
</fieldset>`;
}

/** Title, notes, format and text of one chapter: the work form's first chapter, and the chapter form. */
export function chapterFields(form: string, values: FormValues, errors: FormErrors, opts: { extras: boolean }): SafeHtml {
  const v = values;
  return html`${input({ form, name: 'chapter_title', label: WORK_LABELS.chapter_title!, value: one(v, 'chapter_title'), maxlength: LIMITS.chapterTitleMax, hint: 'Optional.' }, errors)}
${opts.extras ? html`${textarea({ form, name: 'chapter_summary', label: WORK_LABELS.chapter_summary!, value: one(v, 'chapter_summary'), rows: 3 }, errors)}
${textarea({ form, name: 'chapter_notes', label: WORK_LABELS.chapter_notes!, value: one(v, 'chapter_notes'), rows: 3 }, errors)}` : ''}
${choices({ form, name: 'text_format', label: WORK_LABELS.text_format!, type: 'radio', options: [{ value: 'html', label: 'HTML (a limited set of tags; the rest is removed)' }, { value: 'text', label: 'Plain text (a blank line starts a paragraph)' }], checked: [one(v, 'text_format') || 'html'], cls: 'choices-inline' }, errors)}
${textarea({ form, name: 'chapter_text', label: WORK_LABELS.chapter_text!, value: one(v, 'chapter_text'), rows: 20, required: true, hint: `${LIMITS.chapterMin} to ${LIMITS.chapterMax.toLocaleString('en')} characters.`, cls: 'field-work-text' }, errors)}
${opts.extras ? textarea({ form, name: 'chapter_end_notes', label: WORK_LABELS.chapter_end_notes!, value: one(v, 'chapter_end_notes'), rows: 3 }, errors) : ''}`;
}

/** The buttons; Preview comes first, so pressing Enter in a field previews rather than posts. */
function buttons(view: WorkFormView): SafeHtml {
  const b = (value: string, label: string, cls = '') => html`<button type="submit" name="action" value="${value}" class="button${cls ? ` ${cls}` : ''}">${label}</button>`;
  const suggest = b('suggest', view.mode === 'new' ? 'Suggest tags from my text' : 'Suggest tags from the saved chapters');
  if (view.mode === 'new') return html`<p class="form-actions">${b('preview', 'Preview')} ${suggest} ${b('draft', 'Save as draft')} ${b('post', 'Post', 'button-primary')}</p>`;
  if (view.status === 'draft') return html`<p class="form-actions">${b('preview', 'Preview')} ${suggest} ${b('save', 'Save draft')} ${b('post', 'Post', 'button-primary')}</p>`;
  return html`<p class="form-actions">${b('preview', 'Preview')} ${suggest} ${b('save', 'Update', 'button-primary')}</p>`;
}

/**
 * The whole work form: creators, tags, preface, series and language, publication, (for a new
 * work) the first chapter, and the buttons. Posts with its CSRF token; works without JavaScript
 * (the tag suggestion script only improves the `<datalist>`s).
 */
export function workForm(reply: FastifyReply, view: WorkFormView): SafeHtml {
  return html`${errorSummary(WORK_FORM, view.errors, WORK_LABELS)}
<form method="post" action="${view.action}" class="work-form" id="${WORK_FORM}-form" novalidate>
${csrfField(reply)}
${view.suggestPanel ? html`<p class="notice"><a href="#suggestions">Suggestions from your text</a> are below the form’s buttons. Nothing has been applied or saved.</p>` : ''}
${creatorsSection(view)}
${tagsSection(view)}
${prefaceSection(view)}
${associationsSection(view)}
${publicationSection(view)}
${view.mode === 'new' ? html`<fieldset class="form-section"><legend>First chapter</legend>
${chapterFields(WORK_FORM, view.values, view.errors, { extras: false })}
</fieldset>` : ''}
${buttons(view)}
${view.suggestPanel ?? ''}
</form>
<script src="/static/tag-suggest.js" defer></script>`;
}
