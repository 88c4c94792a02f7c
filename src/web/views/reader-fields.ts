import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../html.ts';
import { fieldId, type FormErrors } from './account-fields.ts';
import { csrfField } from './forms.ts';

/** Form pieces the reader's pages add to those of account-fields.ts: text areas, check boxes, one-button forms. */

export interface TextAreaSpec {
  form: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  rows?: number;
  maxlength?: number;
  required?: boolean;
}

/** A labelled `<textarea>` with its hint and error tied to it. */
export function textArea(spec: TextAreaSpec, errors: FormErrors): SafeHtml {
  const id = fieldId(spec.form, spec.name);
  const error = errors[spec.name];
  const described = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' field-invalid' : ''}">
<label for="${id}">${spec.label}</label>
${spec.hint ? html`<p class="field-hint" id="${id}-hint">${spec.hint}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}
<textarea id="${id}" name="${spec.name}" rows="${spec.rows ?? 6}"${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${spec.required ? html` required` : ''}${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}>${spec.value ?? ''}</textarea>
</div>`;
}

/** A check box with its label after it. */
export function checkBox(form: string, name: string, label: string, checked: boolean, hint?: string): SafeHtml {
  const id = fieldId(form, name);
  return html`<div class="field choice"><input type="checkbox" id="${id}" name="${name}" value="1"${checked ? html` checked` : ''}${hint ? html` aria-describedby="${id}-hint"` : ''}> <label for="${id}">${label}</label>${hint ? html` <span class="field-hint" id="${id}-hint">${hint}</span>` : ''}</div>`;
}

/** Hidden inputs. */
export function hidden(fields: Record<string, string | number | undefined>): SafeHtml {
  return html`${Object.entries(fields).map(([k, v]) => (v === undefined ? '' : html`<input type="hidden" name="${k}" value="${String(v)}">`))}`;
}

/**
 * A form that is one button (kudos, subscribe, delete…), POSTing with its CSRF token and any
 * hidden fields. `label` names the form for screen readers when the button alone is vague.
 */
export function buttonForm(reply: FastifyReply, action: string, button: string, opts: { fields?: Record<string, string | number | undefined>; label?: string; cls?: string; danger?: boolean } = {}): SafeHtml {
  return html`<form method="post" action="${action}" class="button-form${opts.cls ? ` ${opts.cls}` : ''}"${opts.label ? html` aria-label="${opts.label}"` : ''}>${csrfField(reply)}${hidden(opts.fields ?? {})}<button type="submit" class="button${opts.danger ? ' button-danger' : ''}">${button}</button></form>`;
}

/** "alice, bob and carol" (plain text). */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "3 guests", "1 guest". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
