import type { Archive } from '../../archive.ts';
import { textToHtml } from '../../formats/text/paragraphs.ts';
import { applyAccepted, canonicalNames, parseAccepted, type TagFields } from '../../suggest/accept.ts';
import type { SafeHtml } from '../html.ts';
import { suggestionsPanel } from '../views/suggestions-panel.ts';
import { many, one, type FormValues } from '../views/work-form-controls.ts';
import { commaList } from './post-form.ts';

/**
 * The work form's "Suggest tags from my text" step (`action=suggest`) and its "Add the ticked
 * suggestions" (`action=accept_suggestions`): both show the form again, with the suggestions
 * panel, and save nothing. Accepting changes only the form's values, so the author sees the
 * result before posting. Tag names prefer the canonical form: a synonym in a field is replaced.
 */

export const SUGGEST_ACTIONS: readonly string[] = ['suggest', 'accept_suggestions'];

/** The form's tag fields. */
function tagFields(values: FormValues): TagFields {
  return {
    rating: one(values, 'rating'),
    warnings: many(values, 'warnings'),
    fandoms: commaList(one(values, 'fandoms')),
    characters: commaList(one(values, 'characters')),
    relationships: commaList(one(values, 'relationships')),
    language: one(values, 'language'),
  };
}

/** The `accept` checkboxes of a form body. */
function acceptedKeys(body: unknown): string[] {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).accept : undefined;
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').slice(0, 200);
}

/** The new-work form's first chapter as HTML (plain text made into paragraphs, as posting does). */
export function formChapters(values: FormValues): { html: string }[] {
  const text = one(values, 'chapter_text');
  if (text.trim() === '') return [];
  return [{ html: one(values, 'text_format') === 'text' ? textToHtml(text) : text }];
}

/**
 * Handles a suggest or accept step: the values with the ticked suggestions applied (for
 * `accept_suggestions`) and the panel computed from `chapters`.
 */
export async function suggestStep(archive: Archive, action: string, body: unknown, values: FormValues, chapters: readonly { html: string }[], source: 'form' | 'saved'): Promise<{ values: FormValues; panel: SafeHtml }> {
  let fields = tagFields(values);
  const names = [...fields.fandoms, ...fields.characters, ...fields.relationships];
  let out = values;
  if (action === 'accept_suggestions') {
    const accepted = parseAccepted(acceptedKeys(body));
    const canonical = await canonicalNames(archive.store.db, [...names, ...accepted.map((a) => a.value)]);
    fields = applyAccepted(fields, accepted, canonical);
    out = {
      ...values,
      rating: fields.rating,
      warnings: fields.warnings,
      fandoms: fields.fandoms.join(', '),
      characters: fields.characters.join(', '),
      relationships: fields.relationships.join(', '),
      language: fields.language,
    };
  }
  const canonical = await canonicalNames(archive.store.db, [...fields.fandoms, ...fields.characters, ...fields.relationships]);
  const fandom = fields.fandoms[0];
  const suggestions = await archive.suggest.forHtml(chapters, fandom === undefined ? {} : { fandom });
  return { values: out, panel: suggestionsPanel({ suggestions, fields, canonical, source }) };
}
