import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

// Chat screenshots as a phone makes them, drawn the same way on every run (text in DejaVu Sans,
// through libvips' SVG loader): 1080x2340, a title bar, speech bubbles of text left and right with
// avatars, and in half of them a shared product photo (smooth colour with sensor-like noise, which
// is what makes real screenshots heavy). Half are PNG, as phones save them; half JPEG at quality
// 88, as chat apps forward them.

const WIDTH = 1080;
const HEIGHT = 2340;
const PHOTO = { width: 720, height: 540 };

const WORDS = (
  'hello ok order refund please review taobao pay now or I post the bad review again ' +
  'sent 50 yuan add me on QQ WeChat tracking number delivered yesterday the item is fake ' +
  'return it I want my money back today last warning screenshot 3318827765001 138 0013 8000'
).split(' ');

/** A small deterministic generator (LCG), so the same seed always draws the same screenshot. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function chatSvg(seed: number, photo: { top: number } | undefined): string {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)];
  const parts = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ededed"/>`,
    `<rect width="${WIDTH}" height="150" fill="#f7f7f7"/>`,
    `<text x="540" y="100" font-family="DejaVu Sans" font-size="44" text-anchor="middle" fill="#111">buyer_${Math.floor(next() * 1e6)}</text>`,
  ];
  let y = 190;
  while (y < HEIGHT - 360) {
    const fromBuyer = next() < 0.5;
    const lines = 1 + Math.floor(next() * 4);
    const width = 320 + Math.floor(next() * 480);
    const height = lines * 58 + 40;
    if (photo && y + height + 40 > photo.top && y < photo.top + PHOTO.height + 40) {
      y = photo.top + PHOTO.height + 50;
      continue;
    }
    const x = fromBuyer ? 150 : WIDTH - 150 - width;
    const hue = Math.floor(next() * 360);
    parts.push(
      `<circle cx="${fromBuyer ? 80 : WIDTH - 80}" cy="${y + 45}" r="45" fill="hsl(${hue},55%,60%)"/>`,
      `<rect x="${x}" y="${y}" rx="14" width="${width}" height="${height}" fill="${fromBuyer ? '#ffffff' : '#95ec69'}"/>`,
    );
    for (let line = 0; line < lines; line++) {
      let text = pick();
      for (let word = pick(); text.length + 1 + word.length <= (width - 48) / 20; word = pick()) {
        text += ` ${word}`;
      }
      parts.push(
        `<text x="${x + 24}" y="${y + 62 + line * 58}" font-family="DejaVu Sans" font-size="36" fill="#111">${text}</text>`,
      );
    }
    y += height + 50;
  }
  parts.push(`<rect y="${HEIGHT - 160}" width="${WIDTH}" height="160" fill="#f7f7f7"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${parts.join('')}</svg>`;
}

/** A product photo: a few soft colour fields and per-pixel noise, as a camera sensor leaves. */
function photoPixels(seed: number): Buffer {
  const next = random(seed * 7919 + 1);
  const fields = Array.from({ length: 5 }, () => ({
    x: next() * PHOTO.width,
    y: next() * PHOTO.height,
    colour: [next() * 255, next() * 255, next() * 255],
  }));
  const pixels = Buffer.alloc(PHOTO.width * PHOTO.height * 3);
  for (let y = 0; y < PHOTO.height; y++) {
    for (let x = 0; x < PHOTO.width; x++) {
      let weightSum = 0;
      const mixed = [0, 0, 0];
      for (const field of fields) {
        const weight = 1 / (1 + ((x - field.x) ** 2 + (y - field.y) ** 2) / 20_000);
        weightSum += weight;
        for (let c = 0; c < 3; c++) mixed[c] += field.colour[c] * weight;
      }
      for (let c = 0; c < 3; c++) {
        const noise = (next() - 0.5) * 24;
        pixels[(y * PHOTO.width + x) * 3 + c] = Math.max(
          0,
          Math.min(255, mixed[c] / weightSum + noise),
        );
      }
    }
  }
  return pixels;
}

export type ScreenshotFormat = 'png' | 'jpeg';

export interface Screenshot {
  format: ScreenshotFormat;
  bytes: Buffer;
}

/** Screenshot number `seed`: PNG for even seeds, JPEG for odd; a photo in every other pair. */
export async function drawScreenshot(seed: number): Promise<Screenshot> {
  const format: ScreenshotFormat = seed % 2 === 0 ? 'png' : 'jpeg';
  const photo = Math.floor(seed / 2) % 2 === 0 ? { top: 700 + (seed % 5) * 100 } : undefined;
  const layers: sharp.OverlayOptions[] = photo
    ? [
        {
          input: photoPixels(seed),
          raw: { ...PHOTO, channels: 3 },
          left: 150,
          top: photo.top,
        },
      ]
    : [];
  const image = sharp(Buffer.from(chatSvg(seed, photo)))
    .flatten()
    .composite(layers);
  const bytes =
    format === 'png'
      ? await image.png().toBuffer()
      : await image.jpeg({ quality: 88, chromaSubsampling: '4:2:0' }).toBuffer();
  return { format, bytes };
}

/** A PNG chunk: length, type, data, CRC of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * The same picture with a comment naming copy `copy` (a PNG tEXt chunk after the header, a JPEG
 * COM segment after the start marker): different bytes, so a new SHA-256 and a new evidence row,
 * and the same decoding work.
 */
export function uniqueCopy({ format, bytes }: Screenshot, copy: number): Buffer {
  const comment = Buffer.from(`bench copy ${copy}`, 'latin1');
  if (format === 'png') {
    const headerEnd = 8 + 25; // signature, then the IHDR chunk
    const text = pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), comment]));
    return Buffer.concat([bytes.subarray(0, headerEnd), text, bytes.subarray(headerEnd)]);
  }
  const marker = Buffer.from([0xff, 0xfe, 0, 0]);
  marker.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([bytes.subarray(0, 2), marker, comment, bytes.subarray(2)]);
}

export interface ScreenshotFile {
  path: string;
  format: ScreenshotFormat;
  size: number;
}

/**
 * Writes `count` screenshots to `dir`: `distinct` drawings (the slow part), then unique copies of
 * them in turn, so that any prefix of the list has the same mix of formats and contents.
 */
export async function writeScreenshots(
  dir: string,
  count: number,
  distinct: number,
): Promise<ScreenshotFile[]> {
  const drawings: Screenshot[] = [];
  for (let seed = 0; seed < distinct; seed++) drawings.push(await drawScreenshot(seed));
  const files: ScreenshotFile[] = [];
  for (let copy = 0; copy < count; copy++) {
    const drawing = drawings[copy % distinct];
    const bytes = uniqueCopy(drawing, copy);
    const path = join(
      dir,
      `chat-${String(copy).padStart(4, '0')}.${drawing.format === 'png' ? 'png' : 'jpg'}`,
    );
    await writeFile(path, bytes);
    files.push({ path, format: drawing.format, size: bytes.length });
  }
  return files;
}
