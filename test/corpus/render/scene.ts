/** What the layout draws, in device pixels: a flat list painted in order. */

export interface RectShape {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  fill: string;
}

export interface CircleShape {
  type: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: string;
}

export interface PathShape {
  type: 'path';
  d: string;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
}

export interface TextShape {
  type: 'text';
  /** Where the anchor sits on the baseline. */
  x: number;
  y: number;
  text: string;
  fontSize: number;
  fill: string;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
}

export type Shape = RectShape | CircleShape | PathShape | TextShape;

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}
