/**
 * Word's "downlevel-revealed" conditional markers, `<![if !supportLists]>` and
 * `<![endif]>`, bracket the bullet or number of each list item. A browser parses
 * each marker into a comment ("[if !supportLists]", "[endif]"), which the
 * sanitiser reads to take the bracketed text as the list marker. linkedom drops
 * the markers instead, so the number would stay in the text ("a) Mục"). Run this
 * on the HTML string before parsing it with linkedom: it writes each marker as the
 * comment a browser would make of it, so both DOMs give the sanitiser the same tree.
 *
 * Markers inside comments (Word's `<!--[if gte mso 9]>…<![endif]-->`) and inside
 * elements a browser reads as raw text (`<script>`, `<style>`, `<textarea>`,
 * `<title>`…) are left as they are, as a browser leaves them.
 */
export function wordConditionalsAsComments(html: string): string {
  return html.replace(SKIPPED_OR_MARKER, (match: string, _rawTextTag: string | undefined, marker: string | undefined) => (marker === undefined ? match : `<!--[${marker}]-->`));
}

/** A comment, a raw-text element (left untouched), or a marker (group 2: `if …` or `endif`). */
const SKIPPED_OR_MARKER =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b[\s\S]*?(?:<\/\1\s*>|$)|<!\[(if\b[^\]>]*|endif)\]>/gi;
