import sharp from 'sharp';

// Mean grey level, 0 to 255, below which a prepared screenshot is a dark theme: light text on
// dark bubbles. Light themes on the corpus average above 200, dark ones below 60.
const DARK_BELOW_MEAN = 128;

/** Whether a screenshot, already through prepareForOcr, is a dark theme. */
export async function isDarkTheme(prepared: Buffer): Promise<boolean> {
  const { channels } = await sharp(prepared).stats();
  return channels[0].mean < DARK_BELOW_MEAN;
}
