import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../html.ts';
import { csrfField } from './forms.ts';

/** Field name → the first problem with it (`_form` for a problem with the whole form). */
export type FormErrors = Record<string, string>;

export interface FieldSpec {
  /** Form prefix for ids, so two forms on one page never share an id. */
  form: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number';
  /** Re-filled value (never for passwords). */
  value?: string;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  maxlength?: number;
  minlength?: number;
  min?: number;
  max?: number;
}

export function fieldId(form: string, name: string): string {
  return `${form}-${name.replace(/_/g, '-')}`;
}

/**
 * A labelled input with its hint and error beside it. The error is tied to the input with
 * `aria-describedby` and the input is marked `aria-invalid`, so a screen reader reads both.
 */
export function field(spec: FieldSpec, errors: FormErrors): SafeHtml {
  const id = fieldId(spec.form, spec.name);
  const error = errors[spec.name];
  const described = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const value = spec.type === 'password' ? undefined : spec.value;
  return html`<div class="field${error ? ' field-invalid' : ''}">
<label for="${id}">${spec.label}</label>
${spec.hint ? html`<p class="field-hint" id="${id}-hint">${spec.hint}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}
<input id="${id}" name="${spec.name}" type="${spec.type ?? 'text'}"${value !== undefined ? html` value="${value}"` : ''}${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}${spec.required === false ? '' : html` required`}${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${spec.minlength ? html` minlength="${spec.minlength}"` : ''}${spec.min !== undefined ? html` min="${spec.min}"` : ''}${spec.max !== undefined ? html` max="${spec.max}"` : ''}${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}>
</div>`;
}

/**
 * The list of problems at the top of a form, each linking to its field; `role="alert"` so it is
 * announced when the page comes back with errors.
 */
export function errorSummary(form: string, errors: FormErrors, labels: Record<string, string>): SafeHtml {
  const named = Object.keys(labels).filter((k) => errors[k] !== undefined);
  const entries = [...named, ...Object.keys(errors).filter((k) => !named.includes(k))].map((k) => [k, errors[k]!] as const);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert">
<h2 class="error-summary-title">There is a problem</h2>
<ul>
${entries.map(([name, message]) =>
  labels[name] ? html`<li><a href="#${fieldId(form, name)}">${labels[name]} ${message}</a></li>\n` : html`<li>${message}</li>\n`,
)}</ul>
</div>`;
}

/** A form that POSTs to `action` with its CSRF token. */
export function postForm(reply: FastifyReply, opts: { action: string; form: string; label?: string; cls?: string }, body: SafeHtml): SafeHtml {
  return html`<form method="post" action="${opts.action}" class="account-form${opts.cls ? ` ${opts.cls}` : ''}" id="${opts.form}-form"${opts.label ? html` aria-label="${opts.label}"` : ''} novalidate>
${csrfField(reply)}
${body}
</form>`;
}

/** A short confirmation after a change (`role="status"`). */
export function notice(message: string | undefined): SafeHtml {
  return message ? html`<p class="notice" role="status">${message}</p>` : html``;
}

export function submit(label: string, primary = true): SafeHtml {
  return html`<p class="form-actions"><button type="submit" class="button${primary ? ' button-primary' : ''}">${label}</button></p>`;
}
