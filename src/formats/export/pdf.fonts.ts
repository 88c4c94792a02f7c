import fs from 'node:fs';
import path from 'node:path';
import { QuireError } from '../../errors.ts';

/**
 * The fonts PDFs are set in: DejaVu Serif (Latin, Greek, Cyrillic and more) and DejaVu Sans
 * Mono, from the system (Debian/Ubuntu package `fonts-dejavu-core`). CJK text needs Noto CJK
 * (`fonts-noto-cjk`); when it is installed it is used for CJK characters, otherwise they show as
 * empty boxes.
 */

const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts/dejavu'];
const CJK_FILES = [
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKjp-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKjp-Regular'],
  ['/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKjp-Regular'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKjp-Regular'],
] as const;

const FILES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontName = keyof typeof FILES;

export interface PdfFonts {
  files: Record<FontName, Buffer>;
  /** A CJK font collection and the face to use, when installed. */
  cjk?: { file: Buffer; face: string };
}

let cached: PdfFonts | QuireError | undefined;

function load(): PdfFonts | QuireError {
  const dir = DEJAVU_DIRS.find((d) => fs.existsSync(path.join(d, FILES.regular)));
  if (!dir) {
    return new QuireError('unsupported_format', `PDF downloads need the DejaVu fonts (Debian package fonts-dejavu-core): ${FILES.regular} was not found in ${DEJAVU_DIRS.join(', ')}`);
  }
  const files = {} as Record<FontName, Buffer>;
  for (const [name, file] of Object.entries(FILES) as [FontName, string][]) {
    const full = path.join(dir, file);
    files[name] = fs.existsSync(full) ? fs.readFileSync(full) : fs.readFileSync(path.join(dir, FILES.regular));
  }
  const cjk = CJK_FILES.find(([file]) => fs.existsSync(file));
  return cjk ? { files, cjk: { file: fs.readFileSync(cjk[0]), face: cjk[1] } } : { files };
}

/** Whether PDFs can be made here (the fonts are installed), and why not. */
export function pdfSupport(): { ok: true } | { ok: false; reason: string } {
  cached ??= load();
  return cached instanceof QuireError ? { ok: false, reason: cached.message } : { ok: true };
}

/** The fonts, loaded once; throws `unsupported_format` naming the missing package. */
export function pdfFonts(): PdfFonts {
  cached ??= load();
  if (cached instanceof QuireError) throw cached;
  return cached;
}
