/**
 * RFC 9110 §13.1.2: does `If-None-Match` name the current representation? Weak comparison (the
 * `W/` prefix is ignored on both sides), a list of entity tags, or `*`. Anything that is not a
 * well-formed list of tags matches nothing, so garbage gets the full answer rather than a 304.
 */
export function ifNoneMatchSatisfied(header: string | string[] | undefined, currentEtag: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  if (value.trim() === '*') return true;
  const current = opaqueTag(currentEtag.trim());
  if (current === undefined) return false;
  return value.split(',').some((candidate) => opaqueTag(candidate.trim()) === current);
}

/** The quoted part of `"x"` or `W/"x"` (quotes kept), or undefined for anything else. */
function opaqueTag(tag: string): string | undefined {
  const match = /^(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/.exec(tag);
  return match?.[1];
}
