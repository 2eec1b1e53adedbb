import type { SiasnTrainingRow } from '@siantar/contracts';
import { csvLine } from '@siantar/server-core';
import ExcelJS from 'exceljs';

/** Column headers of the SIASN "riwayat kursus/diklat" import, in SiasnTrainingRow order. */
export const SIASN_COLUMNS: { key: keyof SiasnTrainingRow; header: string; width: number }[] = [
  { key: 'nip', header: 'NIP', width: 21 },
  { key: 'namaKursus', header: 'Nama Kursus/Diklat', width: 48 },
  { key: 'institusiPenyelenggara', header: 'Institusi Penyelenggara', width: 32 },
  { key: 'jenisDiklat', header: 'Jenis Diklat', width: 20 },
  { key: 'jumlahJam', header: 'Jumlah Jam (JP)', width: 15 },
  { key: 'tahunKursus', header: 'Tahun', width: 8 },
  { key: 'tanggalKursus', header: 'Tanggal Mulai', width: 14 },
  { key: 'tanggalSelesaiKursus', header: 'Tanggal Selesai', width: 14 },
  { key: 'nomorSertipikat', header: 'Nomor Sertifikat', width: 28 },
];

/**
 * RFC 4180 CSV with a UTF-8 BOM (Excel then reads names with accents correctly), CRLF
 * lines; fields holding `;` are quoted too, so it reads right with `,` or `;` (Indonesian Excel).
 */
export function siasnCsv(rows: SiasnTrainingRow[]): string {
  const lines = [
    SIASN_COLUMNS.map((c) => c.header),
    ...rows.map((r) => SIASN_COLUMNS.map((c) => r[c.key])),
  ];
  return `\uFEFF${lines.map((l) => csvLine(l, { quoteSemicolons: true })).join('')}`;
}

/** The same rows as an XLSX workbook; NIP, dates and certificate numbers stay text. */
export async function siasnXlsx(rows: SiasnTrainingRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Siantar Belajar';
  const ws = wb.addWorksheet('Riwayat Diklat');
  ws.columns = SIASN_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.getColumn('nip').numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
