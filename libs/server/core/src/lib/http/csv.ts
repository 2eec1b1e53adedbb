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

function quoteCell(text: string, quoteIf: RegExp): string {
  return quoteIf.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One RFC 4180 record, CRLF-terminated: fields quoted only when they hold a quote, a line
 * break or the separator; `quoteSemicolons` also quotes `;` so that a comma file reads
 * right in Excel set to the Indonesian locale, which splits on `;`.
 */
export function csvLine(
  cells: CsvCell[],
  options: CsvOptions & { quoteSemicolons?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const quoteIf = new RegExp(`["\\r\\n${delimiter}${options.quoteSemicolons ? ';' : ''}]`);
  return cells.map((cell) => quoteCell(cellText(cell), quoteIf)).join(delimiter) + '\r\n';
}

/**
 * RFC 4180 CSV: fields quoted only when needed (quote doubled), CRLF after every record
 * including the last, null and non-finite numbers as empty fields.
 */
export function toCsv(header: string[], rows: CsvCell[][], options: CsvOptions = {}): string {
  const body = [header, ...rows].map((cells) => csvLine(cells, options)).join('');
  return options.bom ? `\uFEFF${body}` : body;
}
