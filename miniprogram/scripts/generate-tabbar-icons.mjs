// Draws the four tab bar icons (normal + active) as small PNGs, so the repository needs no
// downloaded artwork. Run: node miniprogram/scripts/generate-tabbar-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81; // WeChat recommends 81 x 81 px, at most 40 KB.
const SUPERSAMPLE = 4;
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');

const colors = { normal: [0x8a, 0x8f, 0x99], active: [0x1f, 0x5f, 0xbf] };

// Shape helpers work in a 0..1 coordinate space and return true when the point is inked.
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return inCircle(x, y, cx, cy, r);
};
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
  const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(hasNeg && hasPos);
};

const icons = {
  // House: roof triangle over a body with a door cut out.
  home: (x, y) =>
    (inTriangle(x, y, [0.5, 0.12], [0.08, 0.48], [0.92, 0.48]) || inRect(x, y, 0.2, 0.44, 0.8, 0.88)) &&
    !inRect(x, y, 0.42, 0.64, 0.58, 0.88),
  // Services: a document with text lines.
  services: (x, y) =>
    inRoundRect(x, y, 0.18, 0.1, 0.82, 0.9, 0.08) &&
    !(inRect(x, y, 0.3, 0.28, 0.7, 0.34) || inRect(x, y, 0.3, 0.45, 0.7, 0.51) || inRect(x, y, 0.3, 0.62, 0.56, 0.68)),
  // Interact: a speech bubble with three dots.
  interact: (x, y) =>
    (inRoundRect(x, y, 0.08, 0.16, 0.92, 0.7, 0.14) || inTriangle(x, y, [0.24, 0.66], [0.46, 0.66], [0.22, 0.88])) &&
    !(inCircle(x, y, 0.3, 0.43, 0.06) || inCircle(x, y, 0.5, 0.43, 0.06) || inCircle(x, y, 0.7, 0.43, 0.06)),
  // Mine: head and shoulders.
  mine: (x, y) => inCircle(x, y, 0.5, 0.32, 0.18) || (inCircle(x, y, 0.5, 0.95, 0.38) && y <= 0.88),
};

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function renderPng(shape, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py += 1) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 + RGBA pixels
    for (let px = 0; px < SIZE; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / SIZE;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / SIZE;
          if (shape(x, y)) hits += 1;
        }
      }
      const alpha = Math.round((hits / SUPERSAMPLE ** 2) * 255);
      row.set([r, g, b, alpha], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(join(outDir, `${name}.png`), renderPng(shape, colors.normal));
  writeFileSync(join(outDir, `${name}-active.png`), renderPng(shape, colors.active));
}
console.log(`tab bar icons written to ${outDir}`);
