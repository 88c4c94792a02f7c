import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { QuireError } from '../../errors.ts';
import { parseSearchParams, type ParamRecord } from '../../search/params.ts';
import { SORT_KEYS } from '../../search/query.ts';
import type { SearchResult } from '../../search/search.service.ts';
import { TAG_TYPES } from '../../tags/tag.types.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { withArchive } from '../context.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

interface SearchFlags {
  includeTag: string[];
  excludeTag: string[];
  rating: string[];
  language: string[];
  words?: string;
  complete?: boolean;
  sort?: string;
  order?: string;
  page: string;
  json?: boolean;
}

/** `--words 1000-5000`, `1000-` or `-5000` → words_min / words_max (validated by the shared schema). */
function wordRange(raw: string | undefined): ParamRecord {
  if (raw === undefined) return {};
  const m = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(raw) ?? /^\s*(\d+)\s*$/.exec(raw);
  if (!m) throw new QuireError('bad_request', `--words must look like 1000-5000, 1000- or -5000, got "${raw}"`);
  return { words_min: m[1], words_max: m[2] };
}

/** The flags as the web's query parameters, so the one zod schema validates both. */
export function flagsToParams(query: string | undefined, f: SearchFlags): ParamRecord {
  return {
    q: query ?? '', include: f.includeTag, exclude: f.excludeTag, rating: f.rating, language: f.language,
    complete: f.complete ? 'complete' : undefined, sort: f.sort, order: f.order, page: f.page, ...wordRange(f.words),
  };
}

/** `--json`: exactly {"total", "works": [{"id", "title", "words", "score", "snippet"}], "facets": {TYPE: [{"tag", "count"}]}}. */
export function searchJson(r: SearchResult): unknown {
  return {
    total: r.total,
    works: r.items.map((i) => ({ id: i.work.id, title: i.work.title, words: i.work.words, score: i.score, snippet: i.snippet?.html ?? null })),
    facets: Object.fromEntries(TAG_TYPES.map((t) => [t, r.facets[t].map((f) => ({ tag: f.name, count: f.count }))])),
  };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A snippet for the terminal: hits in [brackets], entities decoded. */
function plainSnippet(html: string): string {
  return html.replace(/<mark>/g, '[').replace(/<\/mark>/g, ']').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

function searchText(r: SearchResult): string {
  if (r.total === 0) return 'No works match.';
  const lines = [`${r.total.toLocaleString('en')} ${r.total === 1 ? 'work matches' : 'works match'}.`, ''];
  if (r.items.length === 0) lines.push(`Page ${r.page} is past the end (${r.pages} ${r.pages === 1 ? 'page' : 'pages'}).`);
  for (const { work, score, snippet } of r.items) {
    const by = work.creators.map((c) => c.name).join(', ');
    const extra = score === null ? '' : ` · score ${score.toFixed(2)}`;
    lines.push(`${String(work.id).padStart(6)}  ${work.title} — ${by} · ${work.words.toLocaleString('en')} words${extra}`);
    if (snippet) lines.push(`        ch. ${snippet.chapter}: ${plainSnippet(snippet.html)}`);
  }
  if (r.pages > 1) lines.push('', `Page ${r.page} of ${r.pages}.`);
  const facets = TAG_TYPES.filter((t) => r.facets[t].length > 0).map((t) => `  ${t}: ${r.facets[t].map((f) => `${f.name} (${f.count})`).join(', ')}`);
  if (facets.length > 0) lines.push('', 'Top tags:', ...facets);
  return lines.join('\n');
}

/** `quire search "QUERY" [filters]` (as the operator: drafts and hidden works included) and `quire reindex`. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the archive like the web search does (as the operator: drafts and hidden works included)')
    .argument('[query]', 'words, "a phrase", prefix*, -excluded, a OR b, title: creator: summary: notes: tag: (see docs/search.md)')
    .option('--include-tag <tag>', 'only works with this tag, through synonyms and metatags (repeatable)', collect, [])
    .option('--exclude-tag <tag>', 'no works with this tag (repeatable)', collect, [])
    .option('--rating <rating>', 'general, teen, mature, explicit or not-rated (repeatable: any of them)', collect, [])
    .option('--language <language>', 'a language code or name (repeatable: any of them)', collect, [])
    .option('--words <min-max>', 'word count range: 1000-5000, 1000- or -5000')
    .option('--complete', 'complete works only')
    .option('--sort <key>', SORT_KEYS.join(', '))
    .option('--order <order>', 'asc or desc')
    .option('--page <n>', 'page of results', '1')
    .option('--json', 'print {"total", "works", "facets"} as JSON')
    .action(async (query: string | undefined, flags: SearchFlags, cmd: Command) => {
      const q = parseSearchParams(flagsToParams(query, flags));
      await withArchive(cmd, async (archive) => {
        const r = await archive.search.search(OPERATOR, q);
        print(flags.json ? JSON.stringify(searchJson(r), null, 2) : searchText(r));
      });
    });

  program
    .command('reindex')
    .description('rebuild the full-text search index from every work and chapter')
    .action(async (_opts: unknown, cmd: Command) => {
      await withArchive(cmd, async (archive) => {
        const bar = process.stderr.isTTY
          ? new SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: 'indexing [{bar}] {value}/{total} works · {eta_formatted} left' }, Presets.shades_classic)
          : undefined;
        const started = Date.now();
        const { works } = await archive.search.reindex((done, total) => {
          if (done === 0) bar?.start(total, 0);
          else bar?.update(done);
        });
        bar?.stop();
        print(`Reindexed ${works.toLocaleString('en')} ${works === 1 ? 'work' : 'works'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      });
    });
}
