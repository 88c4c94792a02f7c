import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeMessages, epubcheck, epubcheckCommand } from '../../../test/downloads/epubcheck.ts';
import fc from 'fast-check';
import { minimalWork, randomHtml, richWork } from '../../../test/downloads/fixtures.ts';
import { testArchive } from '../../../test/factories.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { writeEpub } from './epub.writer.ts';

const ctx = { archiveName: 'Quire Test Archive', baseUrl: 'https://archive.example' };
const available = epubcheckCommand() !== undefined;

if (!available && process.env.CI) {
  test('epubcheck is installed (required in CI)', () => {
    assert.fail('epubcheck was not found on the PATH; CI must install it (apt-get install epubcheck, see .ci/run)');
  });
}

test('EPUBs pass epubcheck with no errors and no warnings', { skip: available ? false : 'epubcheck is not installed (apt-get install epubcheck); skipping the validation' }, async () => {
  const archive = await testArchive();
  // The rich work, plus chapters of random HTML (fixed seed) to cover what the fixtures miss.
  const random = fc.sample(fc.array(randomHtml, { minLength: 1, maxLength: 6 }), { numRuns: 150, seed: 20240203 });
  const base = richWork();
  const rich = await archive.works.create({ ...base, expectedChapters: null, chapters: [...base.chapters, ...random.map((parts) => ({ html: `${parts.join('')}<p>Enough words to count.</p>` }))] });
  const minimal = await archive.works.create(minimalWork());
  const books = await Promise.all([rich, minimal].map(async (w) => writeEpub(await archive.works.read(OPERATOR, w.id), ctx)));
  const [richMessages, minimalMessages] = await Promise.all(books.map((b, i) => epubcheck(b, i === 0 ? 'rich.epub' : 'minimal.epub')));
  assert.equal(richMessages!.length, 0, `rich work:\n${describeMessages(richMessages!)}`);
  assert.equal(minimalMessages!.length, 0, `minimal work:\n${describeMessages(minimalMessages!)}`);
  await archive.close();
});
