import sharp from 'sharp';

/** An SVG drawn at its own pixel size (72 dpi: one SVG unit is one pixel), as an RGB PNG. */
export async function rasterise(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 }).removeAlpha().png().toBuffer();
}
