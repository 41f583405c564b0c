/**
 * BullMQ refuses a custom job id holding ':' (unless it has exactly three parts, its legacy
 * repeat-job form) or reading as an integer. A job id is its job's name and the parts that
 * identify one fact (`notify.graded%3A<submissionId>`): each part has '%', ':' and '.' escaped and
 * the parts are joined with '.', so the id never holds ':' and two different facts never share one.
 */
export function composeJobId(...parts: Array<string | number>): string {
  return parts.map((part) => String(part).replace(/[%:.]/g, (c) => ESCAPES[c])).join('.');
}

const ESCAPES: Record<string, string> = { '%': '%25', ':': '%3A', '.': '%2E' };
