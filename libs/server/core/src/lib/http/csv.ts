export type CsvCell = string | number | null;

export interface CsvOptions {
  /** Prepend a UTF-8 byte order mark so Excel reads non-ASCII names correctly. */
  bom?: boolean;
  /**
   * Field separator. Excel on an Indonesian-locale Windows expects `;` (the comma is the
   * decimal separator there), so offer it; the default stays RFC 4180's comma.
   */
  delimiter?: ',' | ';';
}

/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection"). Numbers are
 * exempt: `-5` as a number is data, while the text `-5+A1` is not.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quoteCell(text: string, delimiter: string): string {
  const needsQuotes =
    text.includes('"') || text.includes('\r') || text.includes('\n') || text.includes(delimiter);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: fields quoted only when needed (quote doubled), CRLF after every record
 * including the last, null and non-finite numbers as empty fields.
 */
export function toCsv(header: string[], rows: CsvCell[][], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const line = (cells: CsvCell[]) =>
    cells.map((cell) => quoteCell(cellText(cell), delimiter)).join(delimiter) + '\r\n';
  const body = [header, ...rows].map(line).join('');
  return options.bom ? `\uFEFF${body}` : body;
}
