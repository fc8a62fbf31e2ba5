import sharp from 'sharp';

/** From Debian's fonts-noto-cjk, found by librsvg and pango through fontconfig. */
export const FONT_FAMILY = 'Noto Sans CJK SC';

/** The width in pixels that `text` takes at `fontSize` pixels. */
export type TextWidth = (text: string, fontSize: number) => number;

const MEASURED_AT_PX = 200;
/** Advance of each character, in ems, measured once per process. */
const advances = new Map<string, number>();

/**
 * A measure of the characters of `texts`, with the font the SVG is drawn in. Pango reports only
 * a text's ink extents, so a character's advance is the ink width of "|c|" less that of "||".
 */
export async function measureCharacters(texts: string[]): Promise<TextWidth> {
  const missing = new Set(Array.from(texts.join('')).filter((char) => !advances.has(char)));
  if (missing.size > 0) {
    const fence = await inkWidth('||');
    for (const char of missing) {
      advances.set(char, ((await inkWidth(`|${char}|`)) - fence) / MEASURED_AT_PX);
    }
  }
  return (text, fontSize) => {
    let ems = 0;
    for (const char of text) {
      const advance = advances.get(char);
      if (advance === undefined) throw new Error(`no width measured for ${JSON.stringify(char)}`);
      ems += advance;
    }
    return ems * fontSize;
  };
}

async function inkWidth(text: string): Promise<number> {
  const { info } = await sharp({
    text: { text: escapePango(text), font: `${FONT_FAMILY} ${MEASURED_AT_PX}px`, dpi: 72 },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return info.width;
}

function escapePango(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
