import qrcode from 'qrcode-generator';

/**
 * The check-in QR as a data-URL image (GIF), which both the weapp <Image> and the H5 <img> show
 * without a canvas. Medium error correction survives a scratched phone screen at the window.
 */
export function qrImageDataUrl(payload: string, cellSize = 6): string {
  const code = qrcode(0, 'M');
  code.addData(payload, 'Byte');
  code.make();
  return code.createDataURL(cellSize, cellSize * 2);
}
