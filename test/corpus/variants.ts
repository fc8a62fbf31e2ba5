import sharp from 'sharp';
import { STATUS_BAR_HEIGHT } from './render/chrome';
import type { ScreenSize } from './render/screen-sizes';

/** What happens to a screenshot between the blackmailer's phone and a seller's upload. */
export interface Variant {
  name: string;
  /** Whether it is one of the copies a chat app makes when the picture is forwarded or saved. */
  forwarding: boolean;
  derive(original: Buffer, size: ScreenSize): Promise<Buffer>;
}

const resized = (original: Buffer, size: ScreenSize, scale: number) =>
  sharp(original).resize(Math.round(size.width * scale), Math.round(size.height * scale));

/**
 * The picture opened in a phone's gallery and screenshotted again: scaled to fit between a new
 * status bar and a navigation bar, black on either side, saved as JPEG.
 */
async function screenshotOfScreenshot(original: Buffer, size: ScreenSize): Promise<Buffer> {
  const statusBar = Math.round(size.height * 0.035);
  const navigationBar = Math.round(size.height * 0.05);
  const fitHeight = size.height - statusBar - navigationBar;
  const fitWidth = Math.round((size.width * fitHeight) / size.height);
  const picture = await sharp(original)
    .resize(fitWidth, fitHeight)
    .png({ compressionLevel: 1 })
    .toBuffer();
  const chrome = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">
      <rect width="${size.width}" height="${statusBar}" fill="#1b1b1b"/>
      <rect x="${size.width * 0.05}" y="${statusBar * 0.3}" width="${size.width * 0.1}"
        height="${statusBar * 0.4}" fill="#e0e0e0"/>
      <rect x="${size.width * 0.82}" y="${statusBar * 0.3}" width="${size.width * 0.12}"
        height="${statusBar * 0.4}" fill="#e0e0e0"/>
      <rect y="${size.height - navigationBar}" width="${size.width}" height="${navigationBar}"
        fill="#1b1b1b"/>
      <circle cx="${size.width / 2}" cy="${size.height - navigationBar / 2}"
        r="${navigationBar * 0.25}" fill="none" stroke="#e0e0e0" stroke-width="3"/>
    </svg>`,
  );
  return sharp({
    create: { width: size.width, height: size.height, channels: 3, background: '#000000' },
  })
    .composite([
      { input: chrome, top: 0, left: 0 },
      { input: picture, top: statusBar, left: Math.round((size.width - fitWidth) / 2) },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}

export const VARIANTS: readonly Variant[] = [
  ...[0.5, 0.75, 1.25, 1.5].map((scale) => ({
    name: `resized ${scale * 100}%`,
    forwarding: true,
    derive: (original: Buffer, size: ScreenSize) =>
      resized(original, size, scale).png({ compressionLevel: 1 }).toBuffer(),
  })),
  ...[60, 75, 95].map((quality) => ({
    name: `JPEG q${quality}`,
    forwarding: true,
    derive: (original: Buffer) => sharp(original).jpeg({ quality }).toBuffer(),
  })),
  {
    name: 'status bar cropped',
    forwarding: true,
    derive: (original, size) => {
      const statusBar = STATUS_BAR_HEIGHT * size.density;
      return sharp(original)
        .extract({ left: 0, top: statusBar, width: size.width, height: size.height - statusBar })
        .png()
        .toBuffer();
    },
  },
  {
    name: 'forwarded (75% + q75)',
    forwarding: true,
    derive: (original, size) => resized(original, size, 0.75).jpeg({ quality: 75 }).toBuffer(),
  },
  {
    name: 'forwarded (50% + q60)',
    forwarding: true,
    derive: (original, size) => resized(original, size, 0.5).jpeg({ quality: 60 }).toBuffer(),
  },
  { name: 'screenshot of it', forwarding: false, derive: screenshotOfScreenshot },
];
