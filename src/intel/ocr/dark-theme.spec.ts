import sharp from 'sharp';
import { isDarkTheme } from './dark-theme';

const plain = (background: string) =>
  sharp({ create: { width: 1080, height: 400, channels: 3, background } })
    .toColourspace('b-w')
    .png()
    .toBuffer();

describe('isDarkTheme', () => {
  it('tells a dark theme from a light one', async () => {
    expect(await isDarkTheme(await plain('#111111'))).toBe(true);
    expect(await isDarkTheme(await plain('#ededed'))).toBe(false);
  });
});
