import type { ChatSpec, MessageEntry, TimeEntry } from './chat-spec';
import {
  AVATAR_DIAMETER,
  INPUT_BAR_HEIGHT,
  STATUS_BAR_HEIGHT,
  avatar,
  inputBar,
  statusBar,
  text,
  titleBar,
  type ToPixels,
} from './chrome';
import type { Scene, Shape } from './scene';
import type { ScreenSize } from './screen-sizes';
import type { StyleSheet } from './styles';
import type { TextWidth } from './text-metrics';
import { wrapText } from './wrap-text';

// Layout units (dp or pt) of the message flow.
const EDGE_MARGIN = 12;
const AVATAR_GAP = 8;
const BUBBLE_PADDING_X = 12;
const BUBBLE_PADDING_Y = 9;
const LINE_HEIGHT = 1.45;
const ENTRY_GAP = 14;
const TAIL_SIZE = 6;
/** Bubbles take at most this share of the screen's width, as the apps' own do. */
const BUBBLE_WIDTH_SHARE = 0.66;
// Noto Sans CJK's glyphs sit about this far below the middle of their line, in ems.
const BASELINE_BELOW_MIDDLE = 0.35;

export class ChatOverflowError extends Error {
  override readonly name = 'ChatOverflowError';
}

/**
 * The whole screen as shapes in device pixels: status bar, title bar, the messages top down,
 * the input bar. A chat that does not fit above the input bar is refused rather than cut, so
 * that whoever renders it knows every message is on the screen.
 */
export function layoutChat(
  chat: ChatSpec,
  style: StyleSheet,
  size: ScreenSize,
  widthOf: TextWidth,
): Scene {
  const px: ToPixels = (units) => units * size.density;
  const shapes: Shape[] = [
    {
      type: 'rect',
      x: 0,
      y: 0,
      width: size.width,
      height: size.height,
      radius: 0,
      fill: style.palette.background,
    },
  ];
  let y = px(STATUS_BAR_HEIGHT + style.titleBarHeight + ENTRY_GAP);
  for (const entry of chat.entries) {
    const drawn =
      entry.kind === 'time'
        ? timeShapes(entry, y, style, size, px, widthOf)
        : messageShapes(entry, y, style, size, px, widthOf);
    shapes.push(...drawn.shapes);
    y = drawn.bottom + px(ENTRY_GAP);
  }
  const inputTop = size.height - px(INPUT_BAR_HEIGHT);
  if (y - px(ENTRY_GAP) > inputTop) {
    throw new ChatOverflowError(
      `the chat with ${chat.contact} needs ${Math.ceil(y)} pixels, more than the ${size.label} screen shows`,
    );
  }
  shapes.push(
    ...statusBar(chat, size, style, px),
    ...titleBar(chat, size, style, px),
    ...inputBar(size, style, px),
  );
  return { width: size.width, height: size.height, shapes };
}

interface Drawn {
  shapes: Shape[];
  bottom: number;
}

function timeShapes(
  entry: TimeEntry,
  top: number,
  style: StyleSheet,
  size: ScreenSize,
  px: ToPixels,
  widthOf: TextWidth,
): Drawn {
  const { palette } = style;
  const fontSize = px(style.timeFontSize);
  const height = fontSize * 1.8;
  const centreY = top + height / 2;
  const shapes: Shape[] = [];
  if (palette.timePill !== undefined) {
    const width = widthOf(entry.text, fontSize) + px(16);
    shapes.push({
      type: 'rect',
      x: (size.width - width) / 2,
      y: top,
      width,
      height,
      radius: height / 2,
      fill: palette.timePill,
    });
  }
  shapes.push(
    text(
      size.width / 2,
      centreY + fontSize * BASELINE_BELOW_MIDDLE,
      entry.text,
      fontSize,
      palette.timeText,
      'middle',
    ),
  );
  return { shapes, bottom: top + height };
}

function messageShapes(
  entry: MessageEntry,
  top: number,
  style: StyleSheet,
  size: ScreenSize,
  px: ToPixels,
  widthOf: TextWidth,
): Drawn {
  const { palette } = style;
  const mine = entry.from === 'me';
  const fontSize = px(style.messageFontSize);
  const lineHeight = fontSize * LINE_HEIGHT;
  const maxTextWidth = size.width * BUBBLE_WIDTH_SHARE - px(2 * BUBBLE_PADDING_X);
  const lines = wrapText(entry.text, maxTextWidth, (line) => widthOf(line, fontSize));
  const textWidth = Math.max(...lines.map((line) => widthOf(line, fontSize)));
  const width = textWidth + px(2 * BUBBLE_PADDING_X);
  const height = Math.max(
    lines.length * lineHeight + px(2 * BUBBLE_PADDING_Y),
    style.avatarsBesideBubbles ? px(AVATAR_DIAMETER) : 0,
  );
  const inset =
    px(EDGE_MARGIN) + (style.avatarsBesideBubbles ? px(AVATAR_DIAMETER + AVATAR_GAP) : 0);
  const left = mine ? size.width - inset - width : inset;
  const fill = mine ? palette.myBubble : palette.theirBubble;
  const ink = mine ? palette.myText : palette.theirText;

  const shapes: Shape[] = [];
  if (style.avatarsBesideBubbles) {
    const radius = px(AVATAR_DIAMETER / 2);
    const cx = mine ? size.width - px(EDGE_MARGIN) - radius : px(EDGE_MARGIN) + radius;
    shapes.push(
      ...avatar(
        cx,
        top + radius,
        mine ? palette.myAvatar : palette.theirAvatar,
        palette.avatarFigure,
        px,
      ),
    );
  }
  shapes.push({
    type: 'rect',
    x: left,
    y: top,
    width,
    height,
    radius: px(style.bubbleRadius),
    fill,
  });
  if (style.bubbleTail) {
    const tipY = top + px(AVATAR_DIAMETER / 2);
    const edge = mine ? left + width : left;
    const tip = mine ? edge + px(TAIL_SIZE) : edge - px(TAIL_SIZE);
    shapes.push({
      type: 'path',
      d: `M ${edge} ${tipY - px(TAIL_SIZE)} L ${tip} ${tipY} L ${edge} ${tipY + px(TAIL_SIZE)} Z`,
      fill,
    });
  }
  const textTop = top + (height - lines.length * lineHeight) / 2;
  lines.forEach((line, index) => {
    const baseline = textTop + (index + 0.5) * lineHeight + fontSize * BASELINE_BELOW_MIDDLE;
    shapes.push(text(left + px(BUBBLE_PADDING_X), baseline, line, fontSize, ink, 'start'));
  });
  return { shapes, bottom: top + height };
}
