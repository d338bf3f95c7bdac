import { z } from 'zod';

/**
 * Characters a PostgreSQL text column cannot hold: NUL (U+0000), which PostgreSQL refuses outright,
 * and lone UTF-16 surrogates, which have no UTF-8 form (Node would silently store U+FFFD instead).
 * Matched per UTF-16 code unit, so a surrogate pair (an emoji, say) is fine and half of one is not.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const unstorableTextMessage =
  'Contains a character that is not allowed (a NUL or an unpaired surrogate)';

/** True when PostgreSQL can store `value` as it is. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !loneSurrogate.test(value);
}

/**
 * The one string schema every text field of every input starts from: a string that PostgreSQL can
 * store. Chain the field's own rules after it (`text().trim().min(1).max(100)`); when the text is
 * unstorable, that is the only issue reported (the check aborts the ones after it).
 */
export function text() {
  return z.string().refine(isStorableText, { message: unstorableTextMessage, abort: true });
}
