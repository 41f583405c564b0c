/** True when `wanted` is absent (anyone) or the person holds at least one of its roles. */
export function hasSomeRole(held: readonly string[] | undefined, wanted: readonly string[] | undefined): boolean {
  if (!wanted) return true;
  return (held ?? []).some((role) => wanted.includes(role));
}
