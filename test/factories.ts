import { loadConfig, type Config } from '../src/config/config.ts';
import { archiveOn, type Archive } from '../src/archive.ts';
import { setRootLogger } from '../src/log.ts';
import { memoryStore } from '../src/store/store.ts';
import type { WorkInput } from '../src/works/work.types.ts';
import { pino } from 'pino';

setRootLogger(pino({ level: 'silent' }));

let n = 0;

/** A valid work with every required field; override what the test is about. */
export function buildWork(overrides: Partial<WorkInput> = {}): WorkInput {
  n++;
  return {
    title: `A Test Work ${n}`,
    summary: '<p>A short summary.</p>',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    fandoms: ['Test Fandom'],
    relationships: [],
    characters: [],
    tags: [],
    language: 'en',
    creators: ['tester'],
    chapters: [{ html: '<p>The kettle sang while the rain went on and on outside.</p>' }],
    ...overrides,
  };
}

/** A configuration for tests: in-memory database, no demo, quiet logs. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({}, { dataDir: ':memory:', demo: 'off', logLevel: 'silent', ...overrides });
}

/** A fresh archive on an in-memory SQLite database. */
export async function testArchive(overrides: Partial<Record<keyof Config, string>> = {}): Promise<Archive> {
  const config = testConfig(overrides);
  return archiveOn({ ...config, dataDir: ':memory:' }, await memoryStore());
}
