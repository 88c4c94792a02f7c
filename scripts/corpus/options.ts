import { z } from 'zod';
import type { CorpusOptions, TextMode } from './generate.ts';

/** "100k" → 100000, "1.5m" → 1500000, "20000" → 20000; NaN if it is not a count. */
export function parseCount(input: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(input.replace(/[_,]/g, '').trim());
  if (!m) return Number.NaN;
  const scale = { '': 1, k: 1e3, m: 1e6 }[m[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(m[1]) * scale);
}

const count = (what: string) =>
  z.string().transform((s, ctx) => {
    const n = parseCount(s);
    if (!Number.isInteger(n) || n < 1) {
      ctx.addIssue({ code: 'custom', message: `${what}: "${s}" is not a positive whole number (100000, 100k, 1m)` });
      return z.NEVER;
    }
    return n;
  });

const textMode = z.string().transform((s, ctx): TextMode => {
  if (s === 'full') return { kind: 'full' };
  if (s === 'none') return { kind: 'none' };
  const n = parseCount(s);
  if (Number.isInteger(n) && n > 0) return { kind: 'budget', words: n };
  ctx.addIssue({ code: 'custom', message: `--text: "${s}" must be full, none, or a word budget such as 200m` });
  return z.NEVER;
});

/** The command line's flags, validated (commander gives strings). */
export const cliSchema = z.object({
  works: count('--works').pipe(z.number().max(20_000_000, '--works: at most 20m')),
  data: z.string().min(1, '--data: a directory is required'),
  seed: z.string().min(1).default('1'),
  text: textMode.default({ kind: 'full' }),
  force: z.boolean().default(false),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--until: a date YYYY-MM-DD').optional(),
  reindex: z.boolean().default(true),
});

/** Turns validated flags into generator options. */
export function toCorpusOptions(flags: z.output<typeof cliSchema>): CorpusOptions {
  return { works: flags.works, dataDir: flags.data, seed: flags.seed, text: flags.text, force: flags.force, until: flags.until, reindex: flags.reindex };
}
