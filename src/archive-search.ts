import { SearchService } from './search/search.service.ts';
import type { Store } from './store/store.ts';
import type { WorkEvents } from './works/work.events.ts';

/**
 * The archive's search service for `store`: on SQLite FTS5, on PostgreSQL tsvector with GIN
 * (src/search/pg), picked inside `SearchService` by `store.dialect`; the in-memory engine of
 * filters, sorts and facets is the same on both.
 */
export function searchFor(store: Store, events: WorkEvents): SearchService {
  return new SearchService(store, events);
}
