import PDFDocument from 'pdfkit';
import type { CertificateSnapshot } from '../issuing/snapshot';
import { COMPETENCY_LABEL, jpText, rentangTanggal, tanggal } from './indonesian';
import { qrPng } from './qr-png';

export interface CertificateImages {
  /** PNG or JPEG bytes; anything pdfkit cannot read is left out (the PDF still renders). */
  logo?: Buffer | null;
  signature?: Buffer | null;
}

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const NAVY = '#1f3a5f';
const GOLD = '#b8860b';

/**
 * The Surat Keterangan Pelatihan as a PDF (A4 landscape, Indonesian), from a snapshot
 * alone: the same snapshot and images give the same document. Carries what Peraturan LAN
 * 5/2020 asks for: participant name, NIP, rank, position and unit; programme title, dates
 * and JP; register number; issuer, place and date; signatory name, NIP and position; and a
 * QR code of the public verification URL.
 */
export async function renderCertificatePdf(
  s: CertificateSnapshot,
  images: CertificateImages = {},
): Promise<Buffer> {
  const qr = qrPng(s.verificationUrl);
  const { width: W, height: H } = A4_LANDSCAPE;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: true,
    info: {
      Title: `${s.template.title} ${s.registerNumber}`,
      Author: s.template.issuerName,
      Subject: `${s.programme.title} — ${s.learner.name}`,
      Keywords: `${s.registerNumber}; ${s.verificationUrl}`,
      Creator: 'Siantar Belajar',
      Producer: 'Siantar Belajar',
      CreationDate: new Date(`${s.issuedOn}T00:00:00+07:00`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Frame.
  doc
    .lineWidth(4)
    .strokeColor(NAVY)
    .rect(18, 18, W - 36, H - 36)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(GOLD)
    .rect(27, 27, W - 54, H - 54)
    .stroke();

  const centre = (
    text: string,
    y: number,
    font: string,
    size: number,
    opts: { width?: number; color?: string } = {},
  ): number => {
    const width = opts.width ?? W - 160;
    doc
      .font(font)
      .fontSize(size)
      .fillColor(opts.color ?? '#000000');
    const h = doc.heightOfString(text, { width, align: 'center' });
    doc.text(text, (W - width) / 2, y, { width, align: 'center' });
    return y + h;
  };

  let y = 42;
  if (images.logo && tryImage(doc, images.logo, W / 2 - 30, y, [60, 60])) y += 64;
  else y += 8;
  y = centre(s.template.issuerName.toUpperCase(), y, 'Helvetica-Bold', 12, { color: NAVY }) + 6;
  y = centre(s.template.title, y, 'Helvetica-Bold', 24, { color: NAVY }) + 2;
  y = centre(`Nomor: ${s.registerNumber}`, y, 'Helvetica', 11) + 12;
  y = centre(s.template.introText, y, 'Helvetica', 11) + 8;

  // The participant, as a label : value table.
  const unit =
    s.learner.orgUnitName === s.learner.opdName
      ? s.learner.opdName
      : `${s.learner.orgUnitName}, ${s.learner.opdName}`;
  const rows: [string, string, boolean][] = [
    ['Nama', s.learner.name, true],
    ['NIP', s.learner.nip ?? '-', false],
    ['Pangkat/Golongan', s.learner.rankLabel ?? '-', false],
    ['Jabatan', s.learner.position, false],
    ['Unit Kerja', unit, false],
  ];
  const labelX = 200;
  const valueX = 340;
  const valueW = W - valueX - 120;
  for (const [label, value, bold] of rows) {
    doc.font('Helvetica').fontSize(11).fillColor('#000000');
    doc.text(label, labelX, y, { width: 130, lineBreak: false });
    doc.text(':', valueX - 10, y, { lineBreak: false });
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    const h = doc.heightOfString(value, { width: valueW });
    doc.text(value, valueX, y, { width: valueW });
    y += Math.max(h, 13) + 3;
  }
  y += 6;
  y = centre(
    s.programme.kind === 'webinar'
      ? 'telah mengikuti dan memenuhi syarat kehadiran webinar'
      : 'telah mengikuti dan menyelesaikan pelatihan',
    y,
    'Helvetica',
    11,
  );
  y = centre(s.programme.title, y + 4, 'Helvetica-Bold', 15, { color: NAVY }) + 4;
  centre(
    `yang dilaksanakan pada tanggal ${rentangTanggal(s.programme.startDate, s.programme.endDate)} ` +
      `dengan beban belajar ${jpText(s.programme.jp)} JP (${COMPETENCY_LABEL[s.programme.competencyType]}).`,
    y,
    'Helvetica',
    11,
  );

  // Bottom left: the QR code of the verification page.
  const qrSize = 96;
  const bottom = H - 60;
  doc.image(qr, 70, bottom - qrSize - 22, { width: qrSize, height: qrSize });
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor('#333333')
    .text('Pindai untuk memeriksa keaslian', 50, bottom - 20, {
      width: qrSize + 40,
      align: 'center',
    });

  // Bottom right: place and date, the signatory's position, signature, name and NIP.
  const sigX = W - 330;
  const sigW = 260;
  let sy = bottom - 142;
  doc.font('Helvetica').fontSize(11).fillColor('#000000');
  doc.text(`${s.template.place}, ${tanggal(s.issuedOn)}`, sigX, sy, {
    width: sigW,
    align: 'center',
  });
  sy += 15;
  doc.text(s.template.signatoryPosition, sigX, sy, { width: sigW, align: 'center' });
  sy += doc.heightOfString(s.template.signatoryPosition, { width: sigW, align: 'center' }) + 4;
  if (images.signature) tryImage(doc, images.signature, sigX + sigW / 2 - 80, sy, [160, 50]);
  sy = bottom - 34;
  if (s.template.signatoryName) {
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(s.template.signatoryName, sigX, sy, { width: sigW, align: 'center', underline: true });
  } else {
    doc
      .moveTo(sigX + 40, sy + 12)
      .lineTo(sigX + sigW - 40, sy + 12)
      .lineWidth(0.5)
      .strokeColor('#000000')
      .stroke();
  }
  if (s.template.signatoryNip)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`NIP ${s.template.signatoryNip}`, sigX, sy + 15, { width: sigW, align: 'center' });

  // Footer: where to check it.
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor('#555555')
    .text(`Keaslian dokumen ini dapat diperiksa di ${s.verificationUrl}`, 60, H - 40, {
      width: W - 120,
      align: 'center',
      lineBreak: false,
    });
  doc.end();
  return finished;
}

/** Draws an image; false (and nothing drawn) when pdfkit cannot read it. */
function tryImage(
  doc: PDFKit.PDFDocument,
  bytes: Buffer,
  x: number,
  y: number,
  fit: [number, number],
): boolean {
  try {
    doc.image(bytes, x, y, { fit, align: 'center', valign: 'center' });
    return true;
  } catch {
    return false;
  }
}
