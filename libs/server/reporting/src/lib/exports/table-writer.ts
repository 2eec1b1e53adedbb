import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ExportFormat } from '@siantar/contracts';
import { type CsvCell, csvLine } from '@siantar/server-core';
import ExcelJS from 'exceljs';

export type Cell = CsvCell;

/** Writes rows to a file as they come, so memory stays flat whatever the row count. */
export interface TableWriter {
  add(cells: Cell[]): Promise<void>;
  close(): Promise<void>;
}

class CsvWriter implements TableWriter {
  private readonly out: WriteStream;

  constructor(path: string, header: string[]) {
    this.out = createWriteStream(path);
    // The byte order mark makes Excel read the file as UTF-8.
    this.out.write(`\uFEFF${csvLine(header)}`);
  }

  async add(cells: Cell[]): Promise<void> {
    if (!this.out.write(csvLine(cells))) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

class XlsxWriter implements TableWriter {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(path: string, header: string[], sheetName: string) {
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
    this.sheet = this.book.addWorksheet(sheetName.slice(0, 31));
    const head = this.sheet.addRow(header);
    head.font = { bold: true };
    head.commit();
  }

  async add(cells: Cell[]): Promise<void> {
    // Committed at once: the streaming writer keeps no row it has written.
    this.sheet.addRow(cells).commit();
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.book.commit();
  }
}

export function tableWriter(
  format: ExportFormat,
  path: string,
  header: string[],
  sheetName: string,
): TableWriter {
  return format === 'csv' ? new CsvWriter(path, header) : new XlsxWriter(path, header, sheetName);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
