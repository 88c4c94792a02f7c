import { invalid } from '../../errors.ts';
import { htmlToText } from '../../formats/sanitize.ts';
import { charLength, userHtml } from '../user-html.ts';
import { COMMENT_MAX_CHARS } from './comment.types.ts';

/**
 * A comment as typed to sanitized HTML (see `userHtml`). Throws `validation_failed` on `field`
 * when it is empty (after sanitizing: a comment of only `<script>` is empty) or longer than
 * 10,000 characters.
 */
export function commentHtml(input: string, field = 'comment'): string {
  const length = charLength(input);
  if (length > COMMENT_MAX_CHARS) {
    throw invalid([{ field, message: `is too long: ${length.toLocaleString('en')} characters, at most ${COMMENT_MAX_CHARS.toLocaleString('en')}` }]);
  }
  const clean = userHtml(input);
  if (htmlToText(clean).trim() === '' && !/<img\b/i.test(clean)) throw invalid([{ field, message: 'is empty: write something first' }]);
  return clean;
}
