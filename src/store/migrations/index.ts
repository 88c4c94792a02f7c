import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_accounts.ts';
import * as m0003 from './0003_posting.ts';
import * as m0004 from './0004_interactions.ts';
import * as m0005 from './0005_filter_profiles.ts';
import * as m0006 from './0006_moderation.ts';
import * as m0007 from './0007_api_tokens.ts';
import * as m0008 from './0008_tag_audit.ts';
import * as m0009 from './0009_rating_hints.ts';
import * as m0010 from './0010_search_pg.ts';
import * as m0011 from './0011_change_log.ts';
import * as m0012 from './0012_search_postings.ts';
import * as m0013 from './0013_engine_scan.ts';

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_accounts': m0002,
  '0003_posting': m0003,
  '0004_interactions': m0004,
  '0005_filter_profiles': m0005,
  '0006_moderation': m0006,
  '0007_api_tokens': m0007,
  '0008_tag_audit': m0008,
  '0009_rating_hints': m0009,
  '0010_search_pg': m0010,
  '0011_change_log': m0011,
  '0012_search_postings': m0012,
  '0013_engine_scan': m0013,
};
