import type { RouteCall } from './access-matrix.table';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The parts of an OpenAPI schema the walk reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}

export interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Every operation of the document as `METHOD /path/{param}`, the table's keys. */
export function routesOf(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

export function operationOf(document: OpenApiDocument, route: string): Operation {
  const [method, path] = route.split(' ');
  return document.paths[path][method.toLowerCase()];
}

/** The names of the route's `{params}`, in the order its path spells them. */
export function pathParametersOf(route: string): string[] {
  return [...route.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
}

export function queryParametersOf(operation: Operation): string[] {
  return (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
}

/** The schema a `$ref` (or a lone `allOf`, as Nest wraps a described $ref) stands for. */
export function resolved(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.allOf?.length === 1) return resolved(document, schema.allOf[0]);
  if (!schema.$ref) return schema;
  const name = schema.$ref.slice('#/components/schemas/'.length);
  const target = document.components?.schemas?.[name];
  if (!target) throw new Error(`The OpenAPI document has no schema ${schema.$ref}`);
  return resolved(document, target);
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
