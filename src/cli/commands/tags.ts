import fs from 'node:fs';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { QuireError } from '../../errors.ts';
import { exportTagCsv } from '../../tags/tag-export.ts';
import { importTagCsv } from '../../tags/tag-import.ts';
import { listTags } from '../../tags/tag-list.ts';
import { tagState } from '../../tags/tag-relations.ts';
import { FREE_TAG_TYPES } from '../../tags/tag.types.ts';
import { OPERATOR } from '../../works/visibility.ts';
import { withArchive } from '../context.ts';
import { registerTagEdits } from './tags-edit.ts';

const typeSchema = z.enum(FREE_TAG_TYPES);

/**
 * `quire tags list|canonical|synonym|metatag|parent|unwrangleable|rename|import|export|audit`:
 * tag wrangling from the command line (docs/wrangling.md). Every change is written to the audit
 * log with the actor `cli`.
 */
export function registerTags(program: Command): void {
  const tags = program.command('tags').description('tag wrangling: list, canonical, synonym, metatag, parent, unwrangleable, rename, import, export, audit');

  tags
    .command('list')
    .description('tags with their state and how many posted works use them (tab-separated: type, name, state, uses)')
    .option('--unwrangled', 'only tags that are neither canonical, a synonym nor unwrangleable')
    .option('--fandom <name>', 'only tags used on works in this fandom')
    .option('--type <type>', 'fandom, relationship, character or additional')
    .action(async (opts: { unwrangled?: boolean; fandom?: string; type?: string }, cmd: Command) => {
      const parsed = opts.type === undefined ? undefined : typeSchema.safeParse(opts.type);
      if (parsed && !parsed.success) throw new QuireError('bad_request', `--type must be fandom, relationship, character or additional, got "${opts.type!.slice(0, 40)}"`);
      const type = parsed?.data;
      await withArchive(cmd, async (archive) => {
        const fandom = opts.fandom === undefined ? undefined : await archive.wrangling.byName(opts.fandom);
        if (fandom && fandom.type !== 'fandom') throw new QuireError('bad_request', `--fandom: "${fandom.name}" is a ${fandom.type} tag, not a fandom`);
        const fandomId = fandom ? (fandom.synonymOf ?? fandom.id) : undefined;
        const rows = await listTags(archive.store.db, { type, fandomId, unwrangled: opts.unwrangled });
        for (const r of rows) {
          const state = r.synonymOfName !== null ? `synonym of ${r.synonymOfName}` : tagState(r.tag);
          process.stdout.write(`${r.tag.type}\t${r.tag.name}\t${state}\t${r.uses}\n`);
        }
        if (rows.length === 0) process.stderr.write('no tags\n');
      });
    });

  registerTagEdits(tags);

  tags
    .command('import')
    .description('load tags from CSV (header type,name,synonym_of,parents); all rows are checked first, then applied in one transaction')
    .argument('<file>', 'a .csv file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        throw new QuireError('not_found', `cannot read ${file}`);
      }
      await withArchive(cmd, async (archive) => {
        const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: 'importing tags [{bar}] {percentage}% · {eta_formatted} left' }, Presets.shades_classic) : null;
        let started = false;
        const report = await importTagCsv(archive.wrangling, archive.store.db, OPERATOR, text, path.basename(file), (done, total) => {
          if (!bar) return;
          if (!started) (bar.start(total, 0), (started = true));
          bar.update(done);
        }).finally(() => bar?.stop());
        process.stdout.write(`Imported ${report.rows} rows from ${path.basename(file)}: ${report.created} tags created, ${report.changed} changed, ${report.works} works refiltered.\n`);
      });
    });

  tags
    .command('export')
    .description('write every canonical tag and synonym as CSV (to FILE, or standard output)')
    .argument('[file]', 'where to write; standard output when left out')
    .action(async (file: string | undefined, _opts: unknown, cmd: Command) => {
      await withArchive(cmd, async (archive) => {
        const text = await exportTagCsv(archive.store.db);
        if (file === undefined) process.stdout.write(text);
        else {
          fs.writeFileSync(file, text);
          process.stdout.write(`Wrote ${text.split('\n').length - 2} tags to ${file}.\n`);
        }
      });
    });

  tags
    .command('audit')
    .description('the wrangling audit log, newest first (tab-separated: when, who, action, tag, details)')
    .option('-n, --limit <n>', 'how many entries', '50')
    .option('--tag <name>', 'only changes to this tag')
    .action(async (opts: { limit: string; tag?: string }, cmd: Command) => {
      const limit = z.coerce.number().int().min(1).max(10_000).safeParse(opts.limit);
      if (!limit.success) throw new QuireError('bad_request', `--limit must be a whole number from 1 to 10000, got "${opts.limit.slice(0, 20)}"`);
      await withArchive(cmd, async (archive) => {
        const tagId = opts.tag === undefined ? undefined : (await archive.wrangling.byName(opts.tag)).id;
        for (const e of await archive.wrangling.audit(OPERATOR, { limit: limit.data, tagId })) {
          process.stdout.write(`${e.at}\t${e.actor}\t${e.action}\t${e.tagName}\t${JSON.stringify(e.details)}\n`);
        }
      });
    });
}
