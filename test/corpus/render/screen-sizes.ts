/** A phone screen in device pixels, and how many of them make one layout unit (dp or pt). */
export interface ScreenSize {
  label: string;
  width: number;
  height: number;
  density: number;
}

export const SCREEN_SIZES: readonly ScreenSize[] = [
  // A current Android phone: 360 dp wide at 3x.
  { label: '1080x2340', width: 1080, height: 2340, density: 3 },
  // An iPhone 8: 375 pt wide at 2x, the smallest screen still common.
  { label: '750x1334', width: 750, height: 1334, density: 2 },
];
