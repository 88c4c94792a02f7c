import { QuireError } from '../errors.ts';
import { assignField, parseField, type FieldName } from './fields.ts';
import type { ImportOverrides } from './types.ts';

/** Import flags as the command line (or an upload form) gives them: strings, repeatable lists. */
export interface OverrideFlags {
  title?: string;
  fandom?: string[];
  rating?: string;
  warning?: string[];
  category?: string[];
  relationship?: string[];
  character?: string[];
  tag?: string[];
  creator?: string[];
  language?: string;
  series?: string;
  draft?: boolean;
  restricted?: boolean;
}

const FLAG_FIELDS: Record<keyof OverrideFlags, FieldName> = {
  title: 'title', fandom: 'fandoms', rating: 'rating', warning: 'warnings', category: 'categories',
  relationship: 'relationships', character: 'characters', tag: 'tags', creator: 'creators',
  language: 'language', series: 'series', draft: 'draft', restricted: 'restricted',
};

/**
 * Checks import flags with the same rules as front matter and returns the overrides. Only
 * flags that were given are set; `--draft` and `--restricted` only switch on. Every bad flag is
 * named: `--rating: "R" is not a rating (…); --language: "xx1" is not a known language…`.
 */
export function overridesFromFlags(flags: OverrideFlags): ImportOverrides {
  const out: ImportOverrides = {};
  const problems: string[] = [];
  for (const [flag, field] of Object.entries(FLAG_FIELDS) as [keyof OverrideFlags, FieldName][]) {
    const value = flags[flag];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    const parsed = parseField(field, value);
    if (!parsed.ok) problems.push(`--${flag}: ${parsed.message}`);
    else if (parsed.value === '' || (Array.isArray(parsed.value) && parsed.value.length === 0)) problems.push(`--${flag}: is empty`);
    else assignField(out, field, parsed.value);
  }
  if (problems.length > 0) throw new QuireError('bad_request', problems.join('; '));
  return out;
}
