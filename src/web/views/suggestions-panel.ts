import { acceptKey, holds, type Accepted, type CanonicalMap, type TagFields } from '../../suggest/accept.ts';
import type { Evidence, Suggestions } from '../../suggest/suggest.types.ts';
import { languageName } from '../../works/language.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The post and edit forms' "Suggest tags from my text" panel: every suggestion with its
 * confidence and evidence (the passages, escaped, with their chapter and place in the text),
 * and a checkbox to accept it. Inside the work form: "Add the ticked suggestions" posts the form
 * back (nothing is saved) with the ticked ones added to their fields. Nothing is applied unticked.
 */

export interface SuggestPanelView {
  suggestions: Suggestions;
  /** The form's tag fields as they are now (a suggestion they already hold shows as such). */
  fields: TagFields;
  canonical: CanonicalMap;
  /** Where the text came from: the form's chapter, or the work's saved chapters. */
  source: 'form' | 'saved';
}

const n = (x: number) => x.toLocaleString('en');
const pct = (c: number) => `${Math.round(c * 100)}%`;

/** An excerpt with its «marked» words in `<mark>`; every piece escaped. */
export function excerptHtml(excerpt: string): SafeHtml {
  const parts = excerpt.split(/«|»/);
  return html`${parts.map((p, i) => (i % 2 === 1 ? html`<mark>${p}</mark>` : p))}`;
}

function evidenceList(evidence: readonly Evidence[]): SafeHtml {
  if (evidence.length === 0) return html``;
  return html`<ul class="suggestion-evidence">${evidence.map(
    (e) => html`<li><span class="evidence-place">Chapter ${e.chapter}, character ${n(e.offset + 1)}:</span> <q>${excerptHtml(e.excerpt)}</q>${e.reason ? html` <span class="evidence-reason">(${e.reason})</span>` : ''}</li>`,
  )}</ul>`;
}

function item(a: Accepted, label: string, detail: string, confidence: number, evidence: readonly Evidence[], present: string | undefined): SafeHtml {
  const id = `suggestion-${a.kind}-${encodeURIComponent(a.value.toLowerCase()).replace(/%/g, '_')}`;
  const head = present
    ? html`<span class="suggestion-name">${label}</span> <span class="suggestion-present">(${present})</span>`
    : html`<input type="checkbox" id="${id}" name="accept" value="${acceptKey(a)}"> <label for="${id}" class="suggestion-name">${label}</label>`;
  return html`<li class="suggestion suggestion-${a.kind}">${head} <span class="suggestion-confidence">confidence ${pct(confidence)}</span>${detail ? html` <span class="suggestion-detail">${detail}</span>` : ''}
${evidenceList(evidence)}</li>\n`;
}

function group(title: string, items: readonly SafeHtml[], none: string): SafeHtml {
  return html`<h3>${title}</h3>
${items.length > 0 ? html`<ul class="suggestion-list">${items}</ul>` : html`<p class="suggestion-none">${none}</p>`}`;
}

/** The panel (rendered inside the work form, after its buttons). */
export function suggestionsPanel(view: SuggestPanelView): SafeHtml {
  const { suggestions: s, fields: f, canonical } = view;
  if (s.stats.words === 0) {
    return html`<section class="suggestions" id="suggestions" aria-labelledby="suggestions-title">
<h2 id="suggestions-title">Suggestions from your text</h2>
<p>There is no text to read yet: write or paste the chapter, then ask again.</p>
</section>`;
  }
  const tagged = (list: readonly string[], tag: string) => (holds(list, tag, canonical) ? 'already in your tags' : undefined);
  const rating = item({ kind: 'rating', value: s.rating.value }, s.rating.value, 'rating hint', s.rating.confidence, s.rating.evidence, f.rating === s.rating.value ? 'your rating already' : undefined);
  const warnings = s.warnings.map((w) => item({ kind: 'warning', value: w.value }, w.value, '', w.confidence, w.evidence, f.warnings.includes(w.value) ? 'already chosen' : undefined));
  const fandoms = s.fandoms.map((x) => item({ kind: 'fandom', value: x.tag }, x.tag, `from ${x.characters.join(', ')}`, x.confidence, x.evidence, tagged(f.fandoms, x.tag)));
  const characters = s.characters.map((c) => item({ kind: 'character', value: c.tag }, c.tag, `${n(c.mentions)} mention${c.mentions === 1 ? '' : 's'}`, c.confidence, c.evidence, tagged(f.characters, c.tag)));
  const relationships = s.relationships.map((r) => item({ kind: 'relationship', value: r.tag }, r.tag, `${r.kind}${r.existing ? '' : ', a new tag'}`, r.confidence, r.evidence, tagged(f.relationships, r.tag)));
  const language = s.language
    ? [item({ kind: 'language', value: s.language.value }, `${languageName(s.language.value)} (${s.language.value})`, '', s.language.confidence, s.language.evidence, f.language === s.language.value ? 'your language already' : undefined)]
    : [];
  const from = view.source === 'saved' ? 'the saved chapters' : 'the chapter text in this form';
  return html`<section class="suggestions" id="suggestions" aria-labelledby="suggestions-title">
<h2 id="suggestions-title">Suggestions from your text</h2>
<p>Read from ${from}: ${n(s.stats.chapters)} chapter${s.stats.chapters === 1 ? '' : 's'}, ${n(s.stats.words)} words. <strong>Nothing has been applied.</strong> Tick the suggestions you accept and press “Add the ticked suggestions”; nothing is saved until you post or save.</p>
<p class="field-hint">These are hints from word lists and the archive’s tags, often wrong about ratings and warnings: read the passages before you accept one. Only graphic violence and major character death are looked for among the warnings.</p>
${group('Rating', [rating], '')}
${group('Archive warnings', warnings, 'None suggested. That is not a clearance: choose the warnings yourself.')}
${group('Fandoms', fandoms, 'None inferred from the characters.')}
${group('Characters', characters, 'None of the archive’s character tags is named in the text.')}
${group('Relationships', relationships, 'None suggested.')}
${group('Language', language, 'The text is too short to tell.')}
<p class="form-actions"><button type="submit" name="action" value="accept_suggestions" class="button">Add the ticked suggestions</button></p>
</section>`;
}
