import fs from 'node:fs/promises';
import path from 'node:path';
import { readerFor } from './registry.ts';

/** Files to import from the paths given, in a stable order. */
export interface FileList {
  /**
   * Files to import in the order given (directories expanded in name order): every file named
   * explicitly, supported files found in directories, and paths that cannot be read, with the reason.
   */
  files: { file: string; error?: string }[];
  /** Files inside directories with an extension no reader handles (skipped silently). */
  skipped: string[];
}

/**
 * Expands files and directories (recursively) into the files to import. Hidden files and folders
 * (`.git`, `.DS_Store`) are left out; symbolic-link loops are followed once.
 */
export async function listFiles(paths: readonly string[]): Promise<FileList> {
  const out: FileList = { files: [], skipped: [] };
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await fs.realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      const stat = e.isSymbolicLink() ? await fs.stat(p).catch(() => undefined) : e;
      if (!stat) continue;
      if (stat.isDirectory()) await walk(p);
      else if (stat.isFile() && readerFor(p)) out.files.push({ file: p });
      else if (stat.isFile()) out.skipped.push(p);
    }
  };
  for (const p of paths) {
    try {
      const stat = await fs.stat(p);
      if (stat.isDirectory()) await walk(p);
      else out.files.push({ file: p });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.files.push({ file: p, error: code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})` });
    }
  }
  return out;
}
