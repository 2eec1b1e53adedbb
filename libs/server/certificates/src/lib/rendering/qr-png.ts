import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/** Pixels per QR module: enough for scanners and for decoding the extracted image in tests. */
const SCALE = 6;
/** Quiet zone around the symbol, in modules. */
const MARGIN = 2;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The QR code of a URL (qrcode computes the symbol, error correction M) as an 8-bit
 * grayscale PNG, black on white, without alpha. Encoded here with zlib rather than through
 * qrcode's pngjs renderer: one deflate call instead of pngjs's per-pixel passes.
 */
export function qrPng(url: string): Buffer {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const px = (size + 2 * MARGIN) * SCALE;
  // Each scanline: filter byte 0 (none), then one byte per pixel.
  const raw = Buffer.alloc((px + 1) * px, 255);
  for (let y = 0; y < px; y++) raw[y * (px + 1)] = 0;
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let dy = 0; dy < SCALE; dy++) {
        const line = ((row + MARGIN) * SCALE + dy) * (px + 1) + 1;
        raw.fill(0, line + (col + MARGIN) * SCALE, line + (col + MARGIN + 1) * SCALE);
      }
    }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering (each line says none)
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
