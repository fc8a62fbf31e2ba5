/** A rectangle of an image, in its pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Grey levels at or below this are the black a gallery draws beside a picture it shows. */
const LETTERBOX_BLACK = 12;
/** How far from its row's median a pixel of a ruled line may be (JPEG and resizing noise). */
const RULE_TOLERANCE = 4;
/** The share of a row's pixels that must lie within the tolerance for it to be a ruled line. */
const RULE_SHARE = 0.9;
/** How far from the chat's background a ruled line must be: a bar or a divider, not the body. */
const RULE_CONTRAST = 4;
/** The chat's bars are looked for in this share of the height at either end. */
const BAR_ZONE = 0.3;
/** The rows whose background tells the chat's own colour. */
const MIDDLE = [0.3, 0.7] as const;
/**
 * A column is the black beside a picture when it is black over this span of rows: all but the
 * phone's own bars around a gallery. A chat with a black background is still not cut at the
 * sides, as its title bar, in a colour of its own, crosses that span.
 */
const LETTERBOX_ROWS = [0.05, 0.95] as const;

/**
 * The chat body of a screenshot: what lies between the app's top bars (status and title) and its
 * input bar, and inside any black a gallery drew beside it. A forwarded copy with the status bar
 * cropped, or a screenshot of the screenshot (scaled between a new status bar and navigation bar,
 * black at the sides) has the same body, so a hash of the body does not move when the whole
 * picture shifts or shrinks. The bars are found as ruled lines: rows of one grey across the
 * picture that differ from the body's background (a divider, or a bar in a colour of its own).
 * Where none is found, the box reaches the image's edge.
 */
export function contentBox(grey: Uint8Array, width: number, height: number): Box {
  if (grey.length !== width * height) throw new Error('contentBox needs one grey byte per pixel');
  const middleTop = Math.floor(height * MIDDLE[0]);
  const middleBottom = Math.max(middleTop + 1, Math.ceil(height * MIDDLE[1]));
  const letterboxTop = Math.floor(height * LETTERBOX_ROWS[0]);
  const letterboxBottom = Math.max(letterboxTop + 1, Math.ceil(height * LETTERBOX_ROWS[1]));
  const isBlack = (x: number) => {
    let dark = 0;
    for (let y = letterboxTop; y < letterboxBottom; y += 1) {
      if (grey[y * width + x] <= LETTERBOX_BLACK) dark += 1;
    }
    return dark >= 0.98 * (letterboxBottom - letterboxTop);
  };
  let left = 0;
  while (left < width / 3 && isBlack(left)) left += 1;
  let right = width;
  while (right > (2 * width) / 3 && isBlack(right - 1)) right -= 1;

  const background = modeOf(grey, width, left, right, middleTop, middleBottom);
  const span = right - left;
  const values = new Uint8Array(span);
  const isRule = (y: number) => {
    values.set(grey.subarray(y * width + left, y * width + right));
    const median = medianOf(values);
    if (Math.abs(median - background) <= RULE_CONTRAST) return false;
    let near = 0;
    for (const value of values) if (Math.abs(value - median) <= RULE_TOLERANCE) near += 1;
    return near >= RULE_SHARE * span;
  };
  let top = 0;
  for (let y = Math.floor(height * BAR_ZONE); y >= 0; y -= 1) {
    if (isRule(y)) {
      top = y + 1;
      break;
    }
  }
  let bottom = height;
  for (let y = Math.ceil(height * (1 - BAR_ZONE)); y < height; y += 1) {
    if (isRule(y)) {
      bottom = y;
      break;
    }
  }
  if (bottom - top < height / 4 || span < width / 4) return { left: 0, top: 0, width, height };
  return { left, top, width: span, height: bottom - top };
}

/** The commonest grey level in a rectangle: a chat's background. */
function modeOf(
  grey: Uint8Array,
  width: number,
  left: number,
  right: number,
  top: number,
  bottom: number,
): number {
  const counts = new Uint32Array(256);
  for (let y = top; y < bottom; y += 1) {
    for (let x = left; x < right; x += 1) counts[grey[y * width + x]] += 1;
  }
  let mode = 0;
  for (let value = 1; value < 256; value += 1) if (counts[value] > counts[mode]) mode = value;
  return mode;
}

function medianOf(values: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (const value of values) counts[value] += 1;
  let seen = 0;
  for (let value = 0; value < 256; value += 1) {
    seen += counts[value];
    if (seen * 2 >= values.length) return value;
  }
  return 255;
}
