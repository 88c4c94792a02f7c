import type { SuggestionsJson } from '../suggest/format.ts';
import type { ChapterInput, WorkInput } from '../works/work.types.ts';

/** Work metadata a file may carry: every WorkInput field except the chapters, all optional. */
export type WorkMeta = Partial<Omit<WorkInput, 'chapters' | 'importHash'>>;

/**
 * What a format reader makes of one file: the metadata it found, the chapters (HTML, already
 * sanitized), and warnings for the person importing ("chapter 2 was split in three").
 * Defaults (rating, fandom, creator…) and command-line overrides are merged later, by the
 * import service, so readers stay pure and testable without a database.
 */
export interface ParsedWork {
  meta: WorkMeta;
  chapters: ChapterInput[];
  warnings: string[];
}

/** What a reader knows about the file besides its bytes. */
export interface ReadContext {
  /** The name used in messages (a path as the user typed it, or an upload's file name). */
  fileName: string;
}

/**
 * One file format. Readers register by extension in `registry.ts`; the EPUB reader will be
 * one more entry. `read` may be async (an archive format needs to unzip).
 */
export interface FormatReader {
  /** Short name for messages and logs: `text`, `markdown`, `html`. */
  readonly name: string;
  /** Lower-case extensions with the dot: `['.txt']`. */
  readonly extensions: readonly string[];
  read(bytes: Uint8Array, ctx: ReadContext): ParsedWork | Promise<ParsedWork>;
}

/** Values given on the command line (or an upload form) that set or replace what a file says. */
export type ImportOverrides = WorkMeta;

/** The outcome of importing one file; the CLI prints it, `--json` prints it as is. */
export interface ImportResult {
  file: string;
  status: 'created' | 'unchanged' | 'failed';
  workId: number | null;
  title: string | null;
  words: number | null;
  chapters: number | null;
  error: string | null;
  warnings: string[];
  /** Suggestions from the text (docs/suggestions.md), when the import asked for them; not applied unless `accepted` lists them. */
  suggestions?: SuggestionsJson;
  /** What `--accept-suggestions` applied, as `kind:value` (e.g. `character:Mara Voss`). */
  accepted?: string[];
}
