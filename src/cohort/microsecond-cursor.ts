/** Moved to @gds/http (identity's role history pages by the same key); re-exported for the cohort module's lists. */
export { assertMicrosecondCursor, microsecondKey } from '@gds/http';
