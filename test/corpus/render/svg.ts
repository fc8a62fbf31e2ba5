import type { Scene, Shape } from './scene';
import { FONT_FAMILY } from './text-metrics';

/** The scene as an SVG document, one element a shape, coordinates rounded to 0.01 pixel. */
export function sceneToSvg(scene: Scene): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}">`,
    ...scene.shapes.map(shapeToSvg),
    '</svg>',
  ].join('\n');
}

function shapeToSvg(shape: Shape): string {
  switch (shape.type) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" rx="${n(shape.radius)}" fill="${shape.fill}"/>`;
    case 'circle':
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${shape.fill}"/>`;
    case 'path':
      return (
        `<path d="${shape.d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (value) => n(Number(value)))}"` +
        ` fill="${shape.fill ?? 'none'}"` +
        (shape.stroke === undefined
          ? ''
          : ` stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}" stroke-linecap="round" stroke-linejoin="round"`) +
        '/>'
      );
    case 'text':
      return (
        `<text x="${n(shape.x)}" y="${n(shape.y)}" font-family="${FONT_FAMILY}" font-size="${n(shape.fontSize)}"` +
        ` font-weight="${shape.bold ? 'bold' : 'normal'}" fill="${shape.fill}" text-anchor="${shape.anchor}"` +
        ` xml:space="preserve">${escapeXml(shape.text)}</text>`
      );
  }
}

const n = (value: number) => String(Math.round(value * 100) / 100);

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
