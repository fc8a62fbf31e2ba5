import type { ChatSpec } from './chat-spec';
import type { Shape } from './scene';
import type { ScreenSize } from './screen-sizes';
import type { StyleSheet } from './styles';

// The fixed parts of a chat screen around the messages, in layout units.
export const STATUS_BAR_HEIGHT = 24;
export const INPUT_BAR_HEIGHT = 56;
export const AVATAR_DIAMETER = 40;

/** Scales layout units (dp or pt) to device pixels. */
export type ToPixels = (units: number) => number;

export function statusBar(chat: ChatSpec, size: ScreenSize, style: StyleSheet, px: ToPixels) {
  const { palette } = style;
  const centreY = px(STATUS_BAR_HEIGHT / 2);
  const batteryRight = size.width - px(16);
  const battery = { width: px(22), height: px(11) };
  const batteryLeft = batteryRight - battery.width;
  const level = Math.max(0, Math.min(100, chat.batteryPercent)) / 100;
  const signalRight = batteryLeft - px(40);
  const shapes: Shape[] = [
    {
      type: 'rect',
      x: 0,
      y: 0,
      width: size.width,
      height: px(STATUS_BAR_HEIGHT),
      radius: 0,
      fill: style.palette.titleBar,
    },
    text(px(16), centreY + px(5), chat.clock, px(14), palette.statusText, 'start', true),
    ...[0, 1, 2, 3].map<Shape>((bar) => ({
      type: 'rect',
      x: signalRight - px(4 * (4 - bar)),
      y: centreY + px(5) - px(3 + 2 * bar),
      width: px(3),
      height: px(3 + 2 * bar),
      radius: px(0.5),
      fill: palette.statusText,
    })),
    text(
      batteryLeft - px(4),
      centreY + px(4),
      `${chat.batteryPercent}%`,
      px(11),
      palette.statusText,
      'end',
    ),
    {
      type: 'path',
      d: roundedOutline(
        batteryLeft,
        centreY - battery.height / 2,
        battery.width,
        battery.height,
        px(2.5),
      ),
      stroke: palette.statusText,
      strokeWidth: px(1),
    },
    {
      type: 'rect',
      x: batteryLeft + px(2),
      y: centreY - battery.height / 2 + px(2),
      width: (battery.width - px(4)) * level,
      height: battery.height - px(4),
      radius: px(1),
      fill: palette.statusText,
    },
    {
      type: 'rect',
      x: batteryRight + px(1),
      y: centreY - px(2),
      width: px(1.5),
      height: px(4),
      radius: 0,
      fill: palette.statusText,
    },
  ];
  return shapes;
}

export function titleBar(chat: ChatSpec, size: ScreenSize, style: StyleSheet, px: ToPixels) {
  const { palette } = style;
  const top = px(STATUS_BAR_HEIGHT);
  const height = px(style.titleBarHeight);
  const shapes: Shape[] = [
    { type: 'rect', x: 0, y: top, width: size.width, height, radius: 0, fill: palette.titleBar },
    {
      type: 'rect',
      x: 0,
      y: top + height - px(0.5),
      width: size.width,
      height: px(0.5),
      radius: 0,
      fill: palette.divider,
    },
  ];
  const chevronY = style.avatarInTitle ? top + px(26) : top + height / 2;
  shapes.push({
    type: 'path',
    d: `M ${px(24)} ${chevronY - px(8)} L ${px(16)} ${chevronY} L ${px(24)} ${chevronY + px(8)}`,
    stroke: style.avatarInTitle ? palette.icon : palette.titleText,
    strokeWidth: px(2),
  });
  if (style.avatarInTitle) {
    shapes.push(
      ...avatar(size.width / 2, top + px(26), palette.theirAvatar, palette.avatarFigure, px, 36),
    );
    shapes.push(
      text(size.width / 2, top + px(62), chat.contact, px(11), palette.titleText, 'middle'),
    );
    return shapes;
  }
  const centreY = top + height / 2;
  shapes.push(
    text(size.width / 2, centreY + px(6), chat.contact, px(17), palette.titleText, 'middle', true),
  );
  // WeChat's "more" is three dots; QQ's is three bars.
  const right = size.width - px(20);
  if (style.bubbleTail) {
    for (const offset of [-8, 0, 8]) {
      shapes.push({
        type: 'circle',
        cx: right + px(offset) - px(4),
        cy: centreY,
        r: px(2),
        fill: palette.titleText,
      });
    }
  } else {
    for (const offset of [-6, 0, 6]) {
      shapes.push({
        type: 'rect',
        x: right - px(16),
        y: centreY + px(offset) - px(1),
        width: px(16),
        height: px(2),
        radius: px(1),
        fill: palette.titleText,
      });
    }
  }
  return shapes;
}

export function inputBar(size: ScreenSize, style: StyleSheet, px: ToPixels) {
  const { palette } = style;
  const top = size.height - px(INPUT_BAR_HEIGHT);
  const centreY = top + px(INPUT_BAR_HEIGHT / 2);
  const fieldLeft = px(52);
  const fieldRight = size.width - px(style.avatarsBesideBubbles ? 92 : 52);
  const shapes: Shape[] = [
    {
      type: 'rect',
      x: 0,
      y: top,
      width: size.width,
      height: px(INPUT_BAR_HEIGHT),
      radius: 0,
      fill: palette.inputBar,
    },
    {
      type: 'rect',
      x: 0,
      y: top,
      width: size.width,
      height: px(0.5),
      radius: 0,
      fill: palette.divider,
    },
    iconRing(px(26), centreY, px),
    {
      type: 'rect',
      x: fieldLeft,
      y: centreY - px(18),
      width: fieldRight - fieldLeft,
      height: px(36),
      radius: px(style.avatarsBesideBubbles ? 4 : 18),
      fill: palette.inputField,
    },
    iconRing(size.width - px(26), centreY, px),
  ];
  if (style.avatarsBesideBubbles) shapes.push(iconRing(size.width - px(66), centreY, px));
  if (style.inputPlaceholder !== '') {
    shapes.push(
      text(
        fieldLeft + px(14),
        centreY + px(5),
        style.inputPlaceholder,
        px(15),
        palette.timeText,
        'start',
      ),
    );
  }
  if (!style.avatarsBesideBubbles) {
    shapes.push({
      type: 'path',
      d: roundedOutline(fieldLeft, centreY - px(18), fieldRight - fieldLeft, px(36), px(18)),
      stroke: palette.divider,
      strokeWidth: px(1),
    });
  }
  return shapes;

  function iconRing(cx: number, cy: number, scale: ToPixels): Shape {
    return {
      type: 'path',
      d: circleOutline(cx, cy, scale(13)),
      stroke: palette.icon,
      strokeWidth: scale(1.6),
    };
  }
}

/** A round avatar with a head-and-shoulders figure, as apps show for a contact without a photo. */
export function avatar(
  cx: number,
  cy: number,
  fill: string,
  figure: string,
  px: ToPixels,
  diameter = AVATAR_DIAMETER,
): Shape[] {
  const r = px(diameter / 2);
  const unit = r / 20;
  return [
    { type: 'circle', cx, cy, r, fill },
    { type: 'circle', cx, cy: cy - unit * 5, r: unit * 7, fill: figure },
    {
      type: 'path',
      d: `M ${cx - unit * 12} ${cy + unit * 15} A ${unit * 12} ${unit * 10} 0 0 1 ${cx + unit * 12} ${cy + unit * 15} Z`,
      fill: figure,
    },
  ];
}

export function text(
  x: number,
  y: number,
  content: string,
  fontSize: number,
  fill: string,
  anchor: 'start' | 'middle' | 'end',
  bold = false,
): Shape {
  return { type: 'text', x, y, text: content, fontSize, fill, anchor, bold };
}

function roundedOutline(x: number, y: number, width: number, height: number, r: number): string {
  return (
    `M ${x + r} ${y} H ${x + width - r} A ${r} ${r} 0 0 1 ${x + width} ${y + r} ` +
    `V ${y + height - r} A ${r} ${r} 0 0 1 ${x + width - r} ${y + height} ` +
    `H ${x + r} A ${r} ${r} 0 0 1 ${x} ${y + height - r} V ${y + r} A ${r} ${r} 0 0 1 ${x + r} ${y} Z`
  );
}

function circleOutline(cx: number, cy: number, r: number): string {
  return `M ${cx - r} ${cy} A ${r} ${r} 0 1 0 ${cx + r} ${cy} A ${r} ${r} 0 1 0 ${cx - r} ${cy} Z`;
}
