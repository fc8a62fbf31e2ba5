import type { RouteCall } from './access-matrix.table';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** Every operation of the document as `METHOD /path/{param}`, the table's keys. */
export function routesOf(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

export function pathOf(route: string, call: RouteCall): string {
  const template = route.slice(route.indexOf(' ') + 1);
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) {
      throw new Error(`${route}: the row's call() gives no value for {${name}}`);
    }
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(call.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}
