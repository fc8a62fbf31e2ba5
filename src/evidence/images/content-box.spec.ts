import { contentBox } from './content-box';

const WIDTH = 100;
const HEIGHT = 200;
const BACKGROUND = 237;

/** A grey picture of `width` x `height`, drawn by filling rectangles in order. */
function picture(
  width: number,
  height: number,
  fill: number,
  rectangles: [left: number, top: number, width: number, height: number, grey: number][],
): Uint8Array {
  const pixels = new Uint8Array(width * height).fill(fill);
  for (const [left, top, w, h, grey] of rectangles) {
    for (let y = top; y < top + h; y += 1)
      pixels.fill(grey, y * width + left, y * width + left + w);
  }
  return pixels;
}

/**
 * A chat screen: status and title bar in the background's colour above a divider at row 20, two
 * bubbles, and an input bar from row 180 under a divider.
 */
const chat = () =>
  picture(WIDTH, HEIGHT, BACKGROUND, [
    [5, 3, 10, 4, 30], // the clock
    [40, 10, 20, 5, 30], // the title
    [0, 20, 100, 1, 214], // the title bar's divider
    [10, 40, 50, 12, 255],
    [45, 70, 50, 20, 150],
    [0, 180, 100, 20, 246], // the input bar
    [0, 180, 100, 1, 214],
    [15, 186, 70, 8, 255], // its field
  ]);

describe('the chat body of a screenshot', () => {
  it('lies between the title bar divider and the input bar', () => {
    expect(contentBox(chat(), WIDTH, HEIGHT)).toEqual({
      left: 0,
      top: 21,
      width: 100,
      height: 159,
    });
  });

  it('is the same rows when the status bar is cropped off', () => {
    const cropped = chat().subarray(8 * WIDTH);
    expect(contentBox(cropped, WIDTH, HEIGHT - 8)).toEqual({
      left: 0,
      top: 13,
      width: 100,
      height: 159,
    });
  });

  it('leaves out the black beside a screenshot shown in a gallery, and the bars around it', () => {
    // The chat at half size between a new status bar and navigation bar, black either side.
    const small = chat().filter(
      (_, index) => index % 2 === 0 && Math.floor(index / WIDTH) % 2 === 0,
    );
    const screen = picture(80, 110, 0, [
      [0, 0, 80, 5, 27],
      [4, 1, 8, 3, 224],
      [0, 105, 80, 5, 27],
    ]);
    for (let y = 0; y < 100; y += 1) {
      screen.set(small.subarray(y * 50, y * 50 + 50), (5 + y) * 80 + 15);
    }
    expect(contentBox(screen, 80, 110)).toEqual({ left: 15, top: 16, width: 50, height: 79 });
  });

  it('keeps the margins of a chat drawn on black, whose title bar crosses them', () => {
    const dark = picture(WIDTH, HEIGHT, 0, [
      [0, 0, 100, 20, 28], // status and title bar
      [40, 10, 20, 5, 240],
      [0, 20, 100, 1, 56],
      [10, 40, 50, 12, 60],
      [0, 180, 100, 1, 56],
      [15, 186, 70, 8, 40],
    ]);
    expect(contentBox(dark, WIDTH, HEIGHT)).toEqual({ left: 0, top: 21, width: 100, height: 159 });
  });

  it('is the whole picture when it has no bars', () => {
    const photo = picture(WIDTH, HEIGHT, 90, [[20, 30, 40, 50, 200]]);
    expect(contentBox(photo, WIDTH, HEIGHT)).toEqual({ left: 0, top: 0, width: 100, height: 200 });
  });

  it('refuses pixels that are not one grey byte each', () => {
    expect(() => contentBox(new Uint8Array(10), 4, 4)).toThrow(/one grey byte per pixel/);
  });
});
