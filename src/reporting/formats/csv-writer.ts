import { csvCell } from '@gds/http';

/** RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, formulas defused. */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
