import sharp from 'sharp';
import type { ChatStyle } from '../corpus/render/chat-spec';
import { renderChat } from '../corpus/render/render-chat';
import { SCREEN_SIZES } from '../corpus/render/screen-sizes';

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

/**
 * A phone-size chat screenshot as the corpus renderer draws `style` in its light theme, at
 * 1080x2340: the other party says `theirLines` and the seller answers each. Two of these with
 * different lines share a layout, as two real chats in one app do.
 */
export function phoneChatScreenshot(theirLines: string[], style: ChatStyle = 'wechat') {
  const entries = theirLines.flatMap((text) => [
    { kind: 'message' as const, from: 'them' as const, text },
    { kind: 'message' as const, from: 'me' as const, text: '收到' },
  ]);
  const chat = { contact: '买家', clock: '14:32', batteryPercent: 68, entries };
  return withSvgLoader(() => renderChat(chat, style, 'light', SCREEN_SIZES[0]));
}

/**
 * The renderer draws through SVG, which the service blocks process-wide (safe-sharp.ts) once it is
 * imported; the loader is let back in for the drawing only, before anything is uploaded.
 */
async function withSvgLoader<T>(draw: () => Promise<T>): Promise<T> {
  const svgLoader = { operation: ['VipsForeignLoadSvgBuffer'] };
  sharp.unblock(svgLoader);
  try {
    return await draw();
  } finally {
    sharp.block(svgLoader);
  }
}

/** What a chat app sends when the picture is forwarded: resized to 75%, JPEG quality 75. */
export async function forwardedCopy(screenshot: Buffer): Promise<Buffer> {
  const { width = 0 } = await sharp(screenshot).metadata();
  return sharp(screenshot)
    .resize(Math.round(width * 0.75))
    .jpeg({ quality: 75 })
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
