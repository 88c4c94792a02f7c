import type { FastifyReply } from 'fastify';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../accounts/account.types.ts';
import type { Config } from '../../config/config.ts';
import { html, type SafeHtml } from '../html.ts';
import { errorSummary, field, notice, postForm, submit, type FormErrors } from './account-fields.ts';

/** The sign-up, login and password-reset pages. Passwords are never written back into a page. */

const SIGNUP_LABELS = { username: 'Username', email: 'E-mail address', password: 'Password', password_confirm: 'Confirm password', invitation: 'Invitation code' };

export function signupPage(reply: FastifyReply, mode: Config['signup'], values: Record<string, string>, errors: FormErrors): SafeHtml {
  return html`<div class="account-page">
<h1>Sign up</h1>
${mode === 'invite' ? html`<p>This archive makes accounts by invitation. Enter the code you were given.</p>` : ''}
${errorSummary('signup', errors, SIGNUP_LABELS)}
${postForm(
  reply,
  { action: '/signup', form: 'signup' },
  html`${mode === 'invite' ? field({ form: 'signup', name: 'invitation', label: SIGNUP_LABELS.invitation, value: values.invitation, autocomplete: 'off', maxlength: 40 }, errors) : ''}
${field({ form: 'signup', name: 'username', label: SIGNUP_LABELS.username, value: values.username, autocomplete: 'username', hint: '3 to 40 letters (A to Z), digits or underscores. It is also your first pen name.', maxlength: 40 }, errors)}
${field({ form: 'signup', name: 'email', label: SIGNUP_LABELS.email, type: 'email', value: values.email, autocomplete: 'email', hint: 'Only for password resets and notices; never shown to others.', maxlength: 254 }, errors)}
${field({ form: 'signup', name: 'password', label: SIGNUP_LABELS.password, type: 'password', autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN} characters. A long phrase is best.`, minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX }, errors)}
${field({ form: 'signup', name: 'password_confirm', label: SIGNUP_LABELS.password_confirm, type: 'password', autocomplete: 'new-password', maxlength: PASSWORD_MAX }, errors)}
${submit('Sign up')}`,
)}
<p>Already have an account? <a href="/login">Log in</a>.</p>
</div>`;
}

const LOGIN_LABELS = { login: 'Username or e-mail', password: 'Password' };

export function loginPage(reply: FastifyReply, values: { login?: string; returnTo?: string }, errors: FormErrors, message?: string, signupOpen = true): SafeHtml {
  return html`<div class="account-page">
<h1>Log in</h1>
${notice(message)}
${errorSummary('login', errors, LOGIN_LABELS)}
${postForm(
  reply,
  { action: '/login', form: 'login' },
  html`${values.returnTo ? html`<input type="hidden" name="return_to" value="${values.returnTo}">` : ''}
${field({ form: 'login', name: 'login', label: LOGIN_LABELS.login, value: values.login, autocomplete: 'username', maxlength: 254 }, errors)}
${field({ form: 'login', name: 'password', label: LOGIN_LABELS.password, type: 'password', autocomplete: 'current-password', maxlength: PASSWORD_MAX }, errors)}
${submit('Log in')}`,
)}
<p><a href="/password/forgot">Forgot your password?</a>${signupOpen ? html` · <a href="/signup">Sign up</a>` : ''}</p>
</div>`;
}

export function forgotPage(reply: FastifyReply, values: { email?: string }, errors: FormErrors, sent: boolean): SafeHtml {
  if (sent) {
    return html`<div class="account-page">
<h1>Check your e-mail</h1>
<p class="notice" role="status">If an account uses that address, a message with a link to choose a new password is on its way. The link works once, for one hour.</p>
<p><a href="/login">Back to log in</a></p>
</div>`;
  }
  return html`<div class="account-page">
<h1>Forgot your password?</h1>
<p>Enter the e-mail address of your account and we will send you a link to choose a new password.</p>
${errorSummary('forgot', errors, { email: 'E-mail address' })}
${postForm(
  reply,
  { action: '/password/forgot', form: 'forgot' },
  html`${field({ form: 'forgot', name: 'email', label: 'E-mail address', type: 'email', value: values.email, autocomplete: 'email', maxlength: 254 }, errors)}
${submit('Send the link')}`,
)}
</div>`;
}

export function resetPage(reply: FastifyReply, token: string, errors: FormErrors): SafeHtml {
  return html`<div class="account-page">
<h1>Choose a new password</h1>
${errorSummary('reset', errors, { password: 'New password', password_confirm: 'Confirm new password' })}
${postForm(
  reply,
  { action: '/password/reset', form: 'reset' },
  html`<input type="hidden" name="token" value="${token}">
${field({ form: 'reset', name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN} characters.`, minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX }, errors)}
${field({ form: 'reset', name: 'password_confirm', label: 'Confirm new password', type: 'password', autocomplete: 'new-password', maxlength: PASSWORD_MAX }, errors)}
${submit('Change password')}`,
)}
</div>`;
}

export function resetExpiredPage(): SafeHtml {
  return html`<div class="account-page">
<h1>This link no longer works</h1>
<p>Password reset links work once, for one hour. <a href="/password/forgot">Ask for a new link</a>.</p>
</div>`;
}
