import { html, type SafeHtml } from '../html.ts';
import { fieldId, type FormErrors } from './account-fields.ts';

/**
 * Labelled controls for the work and chapter forms, beside the account forms' `field`: each
 * shows its hint and its error next to it, ties both to the control with `aria-describedby`,
 * and marks the control `aria-invalid` when it has an error. Values are escaped by `html`.
 */

/** A form's values as posted: one string per field, a list for checkbox groups. */
export type FormValues = Record<string, string | string[]>;

/** A single value (the last one when a field came twice). */
export function one(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '');
}

/** Every value of a field. */
export function many(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
}

interface Common {
  form: string;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function described(id: string, hint: string | undefined, error: string | undefined): { attr: SafeHtml; top: SafeHtml } {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    attr: html`${error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}`,
    top: html`${hint ? html`<p class="field-hint" id="${id}-hint">${hint}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}`,
  };
}

/**
 * A one-line text, date or number input; `list` names a `<datalist>` of suggestions, and
 * `tagType` marks a tag field for the suggestion script (static/tag-suggest.js).
 */
export function input(spec: Common & { type?: 'text' | 'date' | 'number'; value: string; maxlength?: number; min?: number; max?: number; list?: string; tagType?: string; cls?: string }, errors: FormErrors): SafeHtml {
  const id = fieldId(spec.form, spec.name);
  const error = errors[spec.name];
  const d = described(id, spec.hint, error);
  return html`<div class="field${error ? ' field-invalid' : ''}${spec.cls ? ` ${spec.cls}` : ''}">
<label for="${id}">${spec.label}${spec.required ? html` <span class="required-mark">(required)</span>` : ''}</label>
${d.top}
<input id="${id}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${spec.value}"${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${spec.min !== undefined ? html` min="${spec.min}"` : ''}${spec.max !== undefined ? html` max="${spec.max}"` : ''}${spec.list ? html` list="${spec.list}" autocomplete="off"` : ''}${spec.tagType ? html` data-tag-type="${spec.tagType}"` : ''}${spec.required ? html` required` : ''}${d.attr}>
</div>`;
}

/** A multi-line text box (a newline after the opening tag keeps a value's own first newline: parsers drop one). */
export function textarea(spec: Common & { value: string; rows?: number; maxlength?: number; cls?: string }, errors: FormErrors): SafeHtml {
  const id = fieldId(spec.form, spec.name);
  const error = errors[spec.name];
  const d = described(id, spec.hint, error);
  return html`<div class="field field-textarea${error ? ' field-invalid' : ''}${spec.cls ? ` ${spec.cls}` : ''}">
<label for="${id}">${spec.label}${spec.required ? html` <span class="required-mark">(required)</span>` : ''}</label>
${d.top}
<textarea id="${id}" name="${spec.name}" rows="${spec.rows ?? 5}"${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${spec.required ? html` required` : ''}${d.attr}>
${spec.value}</textarea>
</div>`;
}

/** A group of radio buttons or checkboxes in a fieldset with a legend. */
export function choices(spec: Common & { type: 'radio' | 'checkbox'; options: readonly { value: string; label: string }[]; checked: readonly string[]; cls?: string }, errors: FormErrors): SafeHtml {
  const id = fieldId(spec.form, spec.name);
  const error = errors[spec.name];
  const d = described(id, spec.hint, error);
  return html`<fieldset class="field choices${error ? ' field-invalid' : ''}${spec.cls ? ` ${spec.cls}` : ''}" id="${id}"${d.attr}>
<legend>${spec.label}${spec.required ? html` <span class="required-mark">(required)</span>` : ''}</legend>
${d.top}
${spec.options.map((o, i) => {
  const oid = `${id}-${i + 1}`;
  return html`<div class="choice"><input type="${spec.type}" id="${oid}" name="${spec.name}" value="${o.value}"${spec.checked.includes(o.value) ? html` checked` : ''}> <label for="${oid}">${o.label}</label></div>\n`;
})}</fieldset>`;
}

/** A drop-down list. */
export function select(spec: Common & { value: string; options: readonly { value: string; label: string }[] }, errors: FormErrors): SafeHtml {
  const id = fieldId(spec.form, spec.name);
  const error = errors[spec.name];
  const d = described(id, spec.hint, error);
  return html`<div class="field${error ? ' field-invalid' : ''}">
<label for="${id}">${spec.label}${spec.required ? html` <span class="required-mark">(required)</span>` : ''}</label>
${d.top}
<select id="${id}" name="${spec.name}"${d.attr}>
${spec.options.map((o) => html`<option value="${o.value}"${o.value === spec.value ? html` selected` : ''}>${o.label}</option>\n`)}</select>
</div>`;
}

/** A single checkbox with its label after it. */
export function checkbox(spec: Common & { checked: boolean; value?: string }, errors: FormErrors): SafeHtml {
  const id = fieldId(spec.form, spec.name);
  const error = errors[spec.name];
  const d = described(id, spec.hint, error);
  return html`<div class="field field-checkbox${error ? ' field-invalid' : ''}">
${d.top}
<div class="choice"><input type="checkbox" id="${id}" name="${spec.name}" value="${spec.value ?? '1'}"${spec.checked ? html` checked` : ''}${d.attr}> <label for="${id}">${spec.label}</label></div>
</div>`;
}

/** Suggestions for a text input (`list="…"`); works without JavaScript. */
export function datalist(id: string, names: readonly string[]): SafeHtml {
  return html`<datalist id="${id}">${names.map((n) => html`<option value="${n}"></option>`)}</datalist>`;
}
