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
  // Drawn from plain rectangles, not SVG: the service blocks SVG in this process once imported.
  const bar = (width: number, height: number, colour: string) =>
    sharp({ create: { width, height, channels: 3, background: colour } })
      .png()
      .toBuffer();
  const icon = (width: number, height: number) =>
    bar(Math.round(width), Math.round(height), '#e0e0e0');
  const navigationTop = size.height - navigationBar;
  const home = Math.round(navigationBar * 0.5);
  return sharp({
    create: { width: size.width, height: size.height, channels: 3, background: '#000000' },
  })
    .composite([
      { input: await bar(size.width, statusBar, '#1b1b1b'), top: 0, left: 0 },
      {
        input: await icon(size.width * 0.1, statusBar * 0.4),
        top: Math.round(statusBar * 0.3),
        left: Math.round(size.width * 0.05),
      },
      {
        input: await icon(size.width * 0.12, statusBar * 0.4),
        top: Math.round(statusBar * 0.3),
        left: Math.round(size.width * 0.82),
      },
      { input: await bar(size.width, navigationBar, '#1b1b1b'), top: navigationTop, left: 0 },
      {
        input: await icon(home, home),
        top: navigationTop + Math.round((navigationBar - home) / 2),
        left: Math.round((size.width - home) / 2),
      },
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
