import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrPng } from './qr-png';

describe('the QR code PNG', () => {
  it('is a valid grayscale PNG that decodes to exactly the URL', () => {
    const url = 'https://belajar.pematangsiantarkota.go.id/verify/abcdefghijklmnopqrstuvwxyz234567';
    const png = PNG.sync.read(qrPng(url));
    expect(png.width).toBe(png.height);
    expect(png.width % 6).toBe(0);
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(url);
  });
});
