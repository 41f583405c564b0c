/**
 * BullMQ refuses custom job ids holding ':' (unless exactly two, its legacy repeat format), yet our
 * deterministic ids read `grade:<id>`. The relay and job-status reads escape them the same way,
 * injectively (`%` → `%25`, `:` → `%3A`), so two logical ids never share a BullMQ id.
 */
export function bullJobId(jobId: string): string {
  return jobId.replace(/%/g, '%25').replace(/:/g, '%3A');
}
