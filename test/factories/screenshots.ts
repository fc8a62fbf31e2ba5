import sharp from 'sharp';

/**
 * A chat screenshot drawn for the test: dark text on a white, phone-shaped page, one message a
 * line. Only DejaVu fonts are on the test machine, so the text is Latin and digits.
 */
export async function chatScreenshot(lines: string[]): Promise<Buffer> {
  const text = await sharp({
    text: {
      text: lines.map(escapeMarkup).join('\n'),
      font: 'DejaVu Sans 28',
      dpi: 96,
      spacing: 18,
    },
  })
    .png()
    .toBuffer();
  const { width = 0, height = 0 } = await sharp(text).metadata();
  return sharp({
    create: { width: width + 80, height: height + 120, channels: 3, background: '#ffffff' },
  })
    .composite([
      { input: await sharp(text).negate({ alpha: false }).toBuffer(), top: 60, left: 40 },
    ])
    .png()
    .toBuffer();
}

/** A busy picture that is not text: two of these drawn from different seeds are far apart. */
export async function noisePicture(seed: number, size = 256): Promise<Buffer> {
  const pixels = Buffer.alloc(size * size * 3);
  let state = seed;
  for (let i = 0; i < pixels.length; i += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    pixels[i] = state >> 23;
  }
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
    .blur(8)
    .png()
    .toBuffer();
}

function escapeMarkup(line: string): string {
  return line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
