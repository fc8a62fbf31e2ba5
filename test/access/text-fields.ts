import { MAX_JSON_DEPTH } from '../../src/common/http/json-depth';
import { OpenApiDocument, resolved, Schema } from './openapi-routes';

/** Where a field sits in a body: property names, and indexes into arrays. */
export type FieldPath = (string | number)[];

type Container = Record<string | number, unknown>;

/** The path as the service's problems name it: `reported[0].identifiers[0].value`. */
export function fieldName(path: FieldPath): string {
  return path
    .map((step, index) => {
      if (typeof step === 'number') return `[${step}]`;
      return index === 0 ? step : `.${step}`;
    })
    .join('');
}

/**
 * Every text field a body of this schema holds, an array's first item standing for all of them;
 * files (strings of format binary) are not text. A schema that refers to itself stops at
 * MAX_JSON_DEPTH, deeper than any body the service reads.
 */
export function textFieldsOf(
  document: OpenApiDocument,
  schema: Schema,
  path: FieldPath = [],
): FieldPath[] {
  if (path.length >= MAX_JSON_DEPTH) return [];
  const shape = resolved(document, schema);
  if (shape.type === 'string') return shape.format === 'binary' ? [] : [path];
  if (shape.type === 'array' && shape.items) {
    return textFieldsOf(document, shape.items, [...path, 0]);
  }
  return Object.entries(shape.properties ?? {}).flatMap(([name, property]) =>
    textFieldsOf(document, property, [...path, name]),
  );
}

export function valueAt(body: object, path: FieldPath): unknown {
  return path.reduce<unknown>(
    (value, step) =>
      value !== null && typeof value === 'object' ? (value as Container)[step] : undefined,
    body,
  );
}

/** A copy of `body` holding `value` at `path`, with the objects and arrays on the way made. */
export function withValueAt(body: object, path: FieldPath, value: unknown): object {
  const copy = structuredClone(body) as Container;
  let container = copy;
  path.slice(0, -1).forEach((step, index) => {
    const inside = container[step];
    if (inside === null || typeof inside !== 'object') {
      container[step] = typeof path[index + 1] === 'number' ? [] : {};
    }
    container = container[step] as Container;
  });
  container[path[path.length - 1]] = value;
  return copy;
}
