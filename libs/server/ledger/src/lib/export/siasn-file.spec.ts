import type { SiasnTrainingRow } from '@siantar/contracts';
import ExcelJS from 'exceljs';
import { siasnCsv, siasnXlsx } from './siasn-file';

const row: SiasnTrainingRow = {
  nip: '198503152010011001',
  namaKursus: 'Pelatihan "Pelayanan Prima"; Angkatan II',
  institusiPenyelenggara: '=BPSDM Provinsi',
  jenisDiklat: 'pelatihan',
  jumlahJam: 12.5,
  tahunKursus: 2025,
  tanggalKursus: '2025-03-10',
  tanggalSelesaiKursus: '2025-03-11',
  nomorSertipikat: '',
};

describe('SIASN files', () => {
  it('writes CSV with a BOM, Indonesian headers, quoting for both separators and no formulas', () => {
    const csv = siasnCsv([row]);
    expect(csv.startsWith('\uFEFFNIP,Nama Kursus/Diklat,Institusi Penyelenggara,')).toBe(true);
    const line = csv.split('\r\n')[1];
    expect(line).toBe(
      `198503152010011001,"Pelatihan ""Pelayanan Prima""; Angkatan II",'=BPSDM Provinsi,pelatihan,12.5,2025,2025-03-10,2025-03-11,`,
    );
  });

  it('writes XLSX that reads back with the same values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await siasnXlsx([row])) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Riwayat Diklat');
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      'NIP',
      'Nama Kursus/Diklat',
      'Institusi Penyelenggara',
      'Jenis Diklat',
      'Jumlah Jam (JP)',
      'Tahun',
      'Tanggal Mulai',
      'Tanggal Selesai',
      'Nomor Sertifikat',
    ]);
    expect(ws?.getRow(2).getCell(1).value).toBe('198503152010011001');
    expect(ws?.getRow(2).getCell(5).value).toBe(12.5);
  });
});
