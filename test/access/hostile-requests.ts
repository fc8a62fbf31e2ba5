import { MAX_JSON_DEPTH } from '../../src/common/http/json-depth';
import type { RouteCall } from './access-matrix.table';
import { FORGED_CURSORS } from './forged-cursors';
import {
  OpenApiDocument,
  Operation,
  operationOf,
  pathParametersOf,
  queryParametersOf,
  Schema,
} from './openapi-routes';
import type { Principal } from './principals';
import type { Refusal } from './refusals';
import { fieldName, textFieldsOf, valueAt, withValueAt } from './text-fields';

/** A valid call of a route with one thing made wrong, and the refusal that thing must get. */
export interface HostileRequest {
  /** What is wrong with it, for a failure message. */
  what: string;
  principal: Principal;
  call: RouteCall;
  refusal: Refusal;
}

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

/** `text` with `character` in its middle, so that nothing else about it changes. */
function spoiled(text: unknown, character: string): string {
  const valid = typeof text === 'string' ? text : 'ab';
  const middle = Math.ceil(valid.length / 2);
  return valid.slice(0, middle) + character + valid.slice(middle);
}

/** The valid body with arrays nested in one property, one level past MAX_JSON_DEPTH in all. */
function nestedPastTheLimit(body: object): object {
  let nested: unknown[] = [];
  for (let level = 1; level < MAX_JSON_DEPTH; level += 1) nested = [nested];
  const [property = 'nested'] = Object.keys(body);
  return { ...body, [property]: nested };
}

function nestedBodies(json: object, base: RouteCall, principal: Principal): HostileRequest[] {
  const call = { ...base, json: nestedPastTheLimit(json) };
  const what = `a JSON body ${MAX_JSON_DEPTH + 1} levels deep`;
  // Nesting is refused before authentication, so a caller without credentials learns it too.
  const refusal = { detail: `${MAX_JSON_DEPTH} levels` };
  return [
    { what, principal, call, refusal },
    {
      what: `${what}, without credentials`,
      principal: 'anonymous',
      call: { ...call, credentials: undefined },
      refusal,
    },
  ];
}

/**
 * Every text field the body schema declares, spoiled in turn. One the valid body leaves out is
 * added, so it may come without its siblings: the service refuses unstorable text before it
 * validates anything, so the refusal must name the spoiled field all the same.
 */
function spoiledJsonFields(
  document: OpenApiDocument,
  schema: Schema,
  json: object,
  base: RouteCall,
  principal: Principal,
): HostileRequest[] {
  return textFieldsOf(document, schema).flatMap((path) => {
    const field = fieldName(path);
    return [
      ['a NUL', NUL],
      ['a lone surrogate', LONE_SURROGATE],
    ].map(([what, character]) => ({
      what: `${what} in the body's ${field}`,
      principal,
      call: { ...base, json: withValueAt(json, path, spoiled(valueAt(json, path), character)) },
      refusal: { field },
    }));
  });
}

/** A form field is UTF-8 on the wire, which holds a NUL but no lone surrogate. */
function spoiledFormFields(
  document: OpenApiDocument,
  schema: Schema,
  base: RouteCall,
  principal: Principal,
): HostileRequest[] {
  return textFieldsOf(document, schema).map((path) => {
    const field = fieldName(path);
    return {
      what: `a NUL in the form's ${field}`,
      principal,
      call: { ...base, fields: { ...base.fields, [field]: spoiled(base.fields?.[field], NUL) } },
      refusal: { field },
    };
  });
}

/**
 * The body in each way it can be wrong. A route that takes JSON is tried with JSON even when it
 * takes forms too (POST /v1/cases reads its form into the same filing; hostile-input.e2e-spec.ts
 * tries the form); one that takes only a multipart form is tried with that.
 */
function hostileBodies(
  route: string,
  document: OpenApiDocument,
  operation: Operation,
  base: RouteCall,
  principal: Principal,
): HostileRequest[] {
  const { 'application/json': json, 'multipart/form-data': form } =
    operation.requestBody?.content ?? {};
  if (json) {
    if (!base.json) {
      throw new Error(`${route} takes a JSON body, but its row's call() sends none to spoil`);
    }
    return [
      ...nestedBodies(base.json, base, principal),
      ...spoiledJsonFields(document, json.schema, base.json, base, principal),
    ];
  }
  if (form) return spoiledFormFields(document, form.schema, base, principal);
  return [];
}

function spoiledParameters(
  route: string,
  operation: Operation,
  base: RouteCall,
  principal: Principal,
): HostileRequest[] {
  const inPath = pathParametersOf(route).map((name) => ({
    what: `a NUL in the path's {${name}}`,
    principal,
    call: { ...base, params: { ...base.params, [name]: spoiled(base.params?.[name], NUL) } },
    refusal: { field: name },
  }));
  const inQuery = queryParametersOf(operation).map((name) => ({
    what: `a NUL in the query's ${name}`,
    principal,
    call: { ...base, query: { ...base.query, [name]: spoiled(base.query?.[name], NUL) } },
    refusal: { field: name },
  }));
  return [...inPath, ...inQuery];
}

function forgedCursors(
  operation: Operation,
  base: RouteCall,
  principal: Principal,
): HostileRequest[] {
  if (!queryParametersOf(operation).includes('cursor')) return [];
  return FORGED_CURSORS.map((forged) => ({
    what: `a cursor holding ${forged.what}`,
    principal,
    call: { ...base, query: { ...base.query, cursor: forged.cursor } },
    refusal: { field: 'cursor', mayBeTaken: forged.fitsSome !== undefined },
  }));
}

/**
 * Everything hostile the walk tries on a route, built from what the OpenAPI document says the
 * route takes and from `base`, the row's valid call for `principal`, who may use the route.
 */
export function hostileRequestsOf(
  route: string,
  document: OpenApiDocument,
  base: RouteCall,
  principal: Principal,
): HostileRequest[] {
  const operation = operationOf(document, route);
  return [
    ...hostileBodies(route, document, operation, base, principal),
    ...spoiledParameters(route, operation, base, principal),
    ...forgedCursors(operation, base, principal),
  ];
}
