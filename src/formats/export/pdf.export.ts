import PDFDocument from 'pdfkit';
import type { WorkWithChapters } from '../../works/work.types.ts';
import { htmlToText } from '../sanitize.ts';
import { workUrl, type ExportContext } from './export.types.ts';
import { htmlBlocks, type Block, type Run } from './pdf.blocks.ts';
import { pdfFonts, type FontName, type PdfFonts } from './pdf.fonts.ts';
import { chapterLabel, creatorNames, metaRows } from './preface.ts';

/**
 * The PDF download, made with pdfkit (pure JavaScript, no browser): A5 pages, DejaVu Serif,
 * a title page with all metadata, summary and notes, each chapter on a new page with its notes.
 * Layout yields to the event loop now and then, so a long work does not hold up other requests.
 */

const SIZE = 11;
const HEADING_SIZES = [SIZE, 17, 15, 13, 12, 11, 11];
const CJK_CLASS = '[\\u1100-\\u11ff\\u2e80-\\u2fdf\\u3000-\\u30ff\\u3100-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua960-\\ua97f\\uac00-\\ud7ff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef]';
const HAS_CJK = new RegExp(CJK_CLASS, 'u');
const CJK_RUNS = new RegExp(`${CJK_CLASS}+`, 'gu');

type Doc = InstanceType<typeof PDFDocument>;

function fontFor(run: Run, heading: boolean): FontName {
  if (run.mono) return 'mono';
  const bold = run.bold || heading;
  return bold && run.italic ? 'boldItalic' : bold ? 'bold' : run.italic ? 'italic' : 'regular';
}

/** Pieces of a run with the font each needs (CJK characters from the CJK font, when there is one). */
function pieces(run: Run, font: string, fonts: PdfFonts): { text: string; font: string }[] {
  if (!fonts.cjk || !HAS_CJK.test(run.text)) return [{ text: run.text, font }];
  const out: { text: string; font: string }[] = [];
  let last = 0;
  for (const m of run.text.matchAll(CJK_RUNS)) {
    if (m.index! > last) out.push({ text: run.text.slice(last, m.index), font });
    out.push({ text: m[0], font: 'cjk' });
    last = m.index! + m[0].length;
  }
  if (last < run.text.length) out.push({ text: run.text.slice(last), font });
  return out;
}

function drawBlock(doc: Doc, block: Block, fonts: PdfFonts): void {
  const left = doc.page.margins.left + block.indent * 18;
  const width = doc.page.width - doc.page.margins.right - left;
  if (block.rule) {
    doc.moveDown(0.4);
    const y = doc.y;
    doc.moveTo(left + width / 3, y).lineTo(left + (2 * width) / 3, y).lineWidth(0.5).stroke('#888888');
    doc.moveDown(0.6);
    return;
  }
  const size = block.heading ? HEADING_SIZES[block.heading]! : block.small ? SIZE - 1 : SIZE;
  const parts = block.runs.flatMap((r) => pieces(r, fontFor(r, block.heading > 0), fonts).map((p) => ({ ...r, ...p })));
  doc.x = left;
  parts.forEach((p, i) => {
    doc.font(p.font).fontSize(p.font === 'mono' ? size - 1 : size);
    doc.text(p.text, {
      width,
      align: block.align,
      continued: i < parts.length - 1,
      underline: !!p.underline,
      strike: !!p.strike,
      link: p.link ?? null,
      lineGap: 2,
    });
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(block.heading ? 0.5 : 0.6);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drawBlocks(doc: Doc, blocks: readonly Block[], fonts: PdfFonts): Promise<void> {
  let since = Date.now();
  for (const block of blocks) {
    drawBlock(doc, block, fonts);
    if (Date.now() - since > 25) {
      await tick();
      since = Date.now();
    }
  }
}

const text = (t: string, opts: Partial<Block> = {}): Block => ({ runs: [{ text: t }], heading: 0, align: 'left', indent: 0, ...opts });

function authorBlocks(label: string, html: string, level: number): Block[] {
  return html ? [text(label, { heading: level }), ...htmlBlocks(html, { small: true })] : [];
}

function titleBlocks(work: WorkWithChapters, ctx: ExportContext): Block[] {
  const blocks: Block[] = [
    text(work.title, { heading: 1, align: 'center' }),
    { runs: [{ text: `by ${creatorNames(work)}`, italic: true }], heading: 0, align: 'center', indent: 0 },
  ];
  for (const row of metaRows(work)) {
    blocks.push({ runs: [{ text: `${row.label}: `, bold: true }, { text: row.values.join(', ') }], heading: 0, align: 'left', indent: 0, small: true });
  }
  blocks.push(...authorBlocks('Summary', work.summary, 3), ...authorBlocks('Notes', work.notes, 3));
  const url = workUrl(ctx, work.id);
  blocks.push({ runs: [{ text: `Posted on ${ctx.archiveName} at ` }, { text: url, link: url, underline: true }, { text: '.' }], heading: 0, align: 'center', indent: 0, small: true });
  return blocks;
}

/** The work as a PDF file. Throws `unsupported_format` when the fonts are not installed. */
export async function writePdf(work: WorkWithChapters, ctx: ExportContext): Promise<Buffer> {
  const fonts = pdfFonts();
  const day = new Date(`${work.updatedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A5',
    margins: { top: 50, bottom: 50, left: 48, right: 48 },
    lang: work.language,
    displayTitle: true,
    info: {
      Title: work.title,
      Author: creatorNames(work),
      Subject: htmlToText(work.summary).replace(/\s+/g, ' ').slice(0, 1000),
      Keywords: [...work.fandoms, ...work.relationships, ...work.characters, ...work.tags].join(', '),
      Creator: `${ctx.archiveName} (Quire)`,
      Producer: 'Quire',
      CreationDate: day,
      ModDate: day,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const [name, data] of Object.entries(fonts.files)) doc.registerFont(name, data);
  if (fonts.cjk) doc.registerFont('cjk', fonts.cjk.file, fonts.cjk.face);

  await drawBlocks(doc, titleBlocks(work, ctx), fonts);
  const multi = work.chapters.length > 1;
  for (const c of work.chapters) {
    doc.addPage();
    const heading = multi ? chapterLabel(c) : c.title || work.title;
    const blocks = [
      text(heading, { heading: 2, align: 'center' }),
      ...authorBlocks('Chapter Summary', c.summary, 4),
      ...authorBlocks('Chapter Notes', c.notes, 4),
      ...htmlBlocks(c.html),
      ...authorBlocks('Chapter End Notes', c.endNotes, 4),
    ];
    await drawBlocks(doc, blocks, fonts);
  }
  if (work.endNotes) {
    doc.addPage();
    await drawBlocks(doc, authorBlocks('End Notes', work.endNotes, 2), fonts);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
