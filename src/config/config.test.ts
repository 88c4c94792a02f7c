import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadConfig } from './config.ts';
import { QuireError } from '../errors.ts';

test('defaults: ./data, port 8080, adult gate on, base URL from port', () => {
  const c = loadConfig({});
  assert.equal(c.dataDir, path.resolve('data'));
  assert.equal(c.port, 8080);
  assert.equal(c.adultGate, true);
  assert.equal(c.baseUrl, 'http://localhost:8080');
});

test('environment variables are read and flags override them', () => {
  const c = loadConfig({ QUIRE_PORT: '9000', QUIRE_ADULT_GATE: 'off', QUIRE_DATA: '/tmp/q' }, { port: 9100 });
  assert.equal(c.port, 9100);
  assert.equal(c.adultGate, false);
  assert.equal(c.dataDir, '/tmp/q');
  assert.equal(c.baseUrl, 'http://localhost:9100');
});

test('base URL loses its trailing slash', () => {
  assert.equal(loadConfig({ QUIRE_BASE_URL: 'https://fic.example.org/' }).baseUrl, 'https://fic.example.org');
});

test('invalid configuration lists every problem with the variable name', () => {
  assert.throws(
    () => loadConfig({ QUIRE_PORT: 'eighty', QUIRE_ADULT_GATE: 'maybe', QUIRE_BASE_URL: 'ftp:/x' }),
    (err: unknown) => {
      assert.ok(err instanceof QuireError);
      assert.equal(err.code, 'config_invalid');
      assert.match(err.message, /QUIRE_PORT/);
      assert.match(err.message, /QUIRE_ADULT_GATE/);
      assert.match(err.message, /QUIRE_BASE_URL/);
      return true;
    },
  );
});

test('accounts and mail: QUIRE_SIGNUP defaults to open; SMTP is optional; the From address follows the base URL', () => {
  const c = loadConfig({ QUIRE_BASE_URL: 'https://fic.example.org' });
  assert.equal(c.signup, 'open');
  assert.equal(c.smtpUrl, undefined);
  assert.equal(c.mailFrom, 'Quire <noreply@fic.example.org>');
  const d = loadConfig({ QUIRE_SIGNUP: 'invite', QUIRE_SMTP_URL: 'smtp://u:p@mail.example.org:587', QUIRE_MAIL_FROM: 'Fic Archive <hello@fic.example.org>' });
  assert.equal(d.signup, 'invite');
  assert.equal(d.smtpUrl, 'smtp://u:p@mail.example.org:587');
  assert.equal(d.mailFrom, 'Fic Archive <hello@fic.example.org>');
});

test('a bad SMTP URL is reported without its password', () => {
  assert.throws(
    () => loadConfig({ QUIRE_SMTP_URL: 'http://mailer:s3cretpw@mail.example.org', QUIRE_SIGNUP: 'sometimes' }),
    (err: unknown) => {
      assert.ok(err instanceof QuireError);
      assert.match(err.message, /QUIRE_SMTP_URL/);
      assert.match(err.message, /QUIRE_SIGNUP/);
      assert.doesNotMatch(err.message, /s3cretpw/);
      return true;
    },
  );
});

test('QUIRE_DATABASE_URL: unset means SQLite; a postgres:// URL is kept; anything else is refused with the password masked', () => {
  assert.equal(loadConfig({}).databaseUrl, undefined);
  assert.equal(loadConfig({ QUIRE_DATABASE_URL: 'postgres://quire:pw@db.example.org:5432/quire' }).databaseUrl, 'postgres://quire:pw@db.example.org:5432/quire');
  assert.throws(
    () => loadConfig({ QUIRE_DATABASE_URL: 'mysql://quire:hunter2@db/quire' }),
    (e: QuireError) => e.code === 'config_invalid' && /QUIRE_DATABASE_URL \(databaseUrl\) must be a URL like postgres:/.test(e.message) && !e.message.includes('hunter2') && e.message.includes('quire:***@'),
  );
});
