import type { WorkWithChapters } from '../../works/work.types.ts';
import { workUrl, type ExportContext } from './export.types.ts';
import { htmlToPlainText } from './plain-text.ts';
import { chapterLabel, creatorNames, metaRows } from './preface.ts';

/**
 * The plain-text download: title and creators, the metadata (one `Label: values` line each),
 * summary and notes, then each chapter with its notes, then the end notes. UTF-8, LF line ends,
 * paragraphs separated by a blank line, lines not wrapped.
 */

const RULE = '* * *';

function section(label: string, html: string): string[] {
  return html ? [`${label}:`, '', htmlToPlainText(html), ''] : [];
}

/** The work as a `.txt` file (UTF-8 bytes). */
export function writeText(work: WorkWithChapters, ctx: ExportContext): Buffer {
  const lines: string[] = [work.title, `by ${creatorNames(work)}`, ''];
  for (const row of metaRows(work)) lines.push(`${row.label}: ${row.values.join(', ')}`);
  lines.push('', ...section('Summary', work.summary), ...section('Notes', work.notes));
  lines.push(`Posted on ${ctx.archiveName} at ${workUrl(ctx, work.id)}`, '');
  const multi = work.chapters.length > 1;
  for (const c of work.chapters) {
    lines.push(RULE, '');
    const heading = multi ? chapterLabel(c) : c.title;
    if (heading) lines.push(heading, '');
    lines.push(...section('Chapter Summary', c.summary), ...section('Chapter Notes', c.notes));
    lines.push(htmlToPlainText(c.html), '');
    lines.push(...section('Chapter End Notes', c.endNotes));
  }
  if (work.endNotes) lines.push(RULE, '', ...section('End Notes', work.endNotes));
  return Buffer.from(`${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, 'utf8');
}
