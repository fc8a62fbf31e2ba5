import sharp from 'sharp';
import { secondLookAt } from './second-look';

const plain = (background: string) =>
  sharp({ create: { width: 1080, height: 400, channels: 3, background } })
    .toColourspace('b-w')
    .png()
    .toBuffer();

describe('secondLookAt', () => {
  it('reads a light theme once', async () => {
    expect(await secondLookAt(await plain('#ededed'))).toBeUndefined();
  });

  it('gives a dark theme at three quarters of its size', async () => {
    const second = await secondLookAt(await plain('#111111'));
    expect(second).toBeDefined();
    const { format, width, height } = await sharp(second).metadata();
    expect({ format, width, height }).toEqual({ format: 'png', width: 810, height: 300 });
  });
});
