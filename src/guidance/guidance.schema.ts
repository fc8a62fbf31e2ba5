import { CASE_TYPES, CaseType } from '../cases/case-type';
import { PLATFORMS, Platform } from '../common/platform';

/** Longest tip, in characters; a tip is read on a phone. */
export const GUIDANCE_TIP_MAX_LENGTH = 500;
/** Longest display name of a marketplace. */
export const GUIDANCE_NAME_MAX_LENGTH = 100;

export type Tips = readonly string[];
export type CaseTypeTips = Readonly<Partial<Record<CaseType, Tips>>>;

/** Advice for every seller, whatever the marketplace. */
export interface CommonGuidance {
  readonly advice: Tips;
  readonly caseTypes: CaseTypeTips;
}

export interface PlatformGuidance {
  readonly name: string;
  readonly acceptedProof: Tips;
  readonly supportingOnly: Tips;
  readonly captureNow: Tips;
  readonly reportChannel: Tips;
  readonly caseTypes: CaseTypeTips;
}

/** data/guidance.yaml once it has passed every check. */
export interface Guidance {
  readonly common: CommonGuidance;
  readonly platforms: Readonly<Record<Platform, PlatformGuidance>>;
}

/** Where in the file a problem is: keys and list positions from the top. */
export type GuidancePath = readonly (string | number)[];

export interface GuidanceError {
  readonly path: GuidancePath;
  readonly message: string;
}

export type GuidanceValidation =
  | { readonly ok: true; readonly guidance: Guidance }
  | { readonly ok: false; readonly errors: readonly GuidanceError[] };

const COMMON = 'common';
const COMMON_FIELDS = ['advice', 'caseTypes'] as const;
const TIP_LIST_FIELDS = ['acceptedProof', 'supportingOnly', 'captureNow', 'reportChannel'] as const;
const PLATFORM_FIELDS = ['name', ...TIP_LIST_FIELDS, 'caseTypes'] as const;

/** `taobao.captureNow[2]`, the way the editing notes in data/guidance.yaml name a place. */
export function formatGuidancePath(path: GuidancePath): string {
  if (path.length === 0) return '(whole file)';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

export function formatGuidanceError(error: GuidanceError): string {
  return `${formatGuidancePath(error.path)}: ${error.message}`;
}

/**
 * Checks a parsed guidance document. Reports every problem rather than the first: the person
 * fixing the file is often not a programmer and should not have to fix, rerun, fix again.
 */
export function validateGuidance(document: unknown): GuidanceValidation {
  const errors: GuidanceError[] = [];
  const fail = (path: GuidancePath, message: string) => errors.push({ path, message });

  if (!isRecord(document)) {
    fail([], `must hold the sections ${[COMMON, ...PLATFORMS].join(', ')}`);
    return { ok: false, errors };
  }

  let common: CommonGuidance | undefined;
  const platforms: Partial<Record<Platform, PlatformGuidance>> = {};
  for (const key of Object.keys(document)) {
    if (key === COMMON) {
      common = readCommon(document[key], [key], fail);
    } else if (isPlatform(key)) {
      platforms[key] = readPlatform(document[key], [key], fail);
    } else {
      fail([key], `unknown section; allowed are ${[COMMON, ...PLATFORMS].join(', ')}`);
    }
  }
  if (!Object.hasOwn(document, COMMON))
    fail([COMMON], 'missing; it holds the advice for every seller');
  for (const platform of PLATFORMS) {
    if (!Object.hasOwn(document, platform))
      fail([platform], 'missing; every marketplace needs one');
  }

  if (errors.length > 0 || !common) return { ok: false, errors };
  return {
    ok: true,
    guidance: Object.freeze({
      common,
      platforms: Object.freeze(platforms as Record<Platform, PlatformGuidance>),
    }),
  };
}

type Fail = (path: GuidancePath, message: string) => void;

function readCommon(value: unknown, path: GuidancePath, fail: Fail): CommonGuidance | undefined {
  if (!isRecord(value)) {
    fail(path, `must be a block with ${COMMON_FIELDS.join(' and ')}`);
    return undefined;
  }
  refuseUnknownKeys(value, COMMON_FIELDS, path, 'field', fail);
  const advice = readRequired(value, 'advice', path, fail, readTips);
  const caseTypes = readCaseTypes(value, path, fail);
  if (!advice || !caseTypes) return undefined;
  return Object.freeze({ advice, caseTypes });
}

function readPlatform(
  value: unknown,
  path: GuidancePath,
  fail: Fail,
): PlatformGuidance | undefined {
  if (!isRecord(value)) {
    fail(path, `must be a block with ${PLATFORM_FIELDS.join(', ')}`);
    return undefined;
  }
  refuseUnknownKeys(value, PLATFORM_FIELDS, path, 'field', fail);
  const name = readRequired(value, 'name', path, fail, readName);
  const [acceptedProof, supportingOnly, captureNow, reportChannel] = TIP_LIST_FIELDS.map((field) =>
    readRequired(value, field, path, fail, readTips),
  );
  const caseTypes = readCaseTypes(value, path, fail);
  if (!name || !acceptedProof || !supportingOnly || !captureNow || !reportChannel || !caseTypes) {
    return undefined;
  }
  return Object.freeze({
    name,
    acceptedProof,
    supportingOnly,
    captureNow,
    reportChannel,
    caseTypes,
  });
}

/** The optional `caseTypes` block of `common` or of a platform; absent means no extra tips. */
function readCaseTypes(
  parent: Record<string, unknown>,
  parentPath: GuidancePath,
  fail: Fail,
): CaseTypeTips | undefined {
  if (!Object.hasOwn(parent, 'caseTypes')) return Object.freeze({});
  const path = [...parentPath, 'caseTypes'];
  const value = parent.caseTypes;
  if (!isRecord(value)) {
    fail(path, `must be a block of kinds of case (${CASE_TYPES.join(', ')})`);
    return undefined;
  }
  refuseUnknownKeys(value, CASE_TYPES, path, 'kind of case', fail);
  const tips: Partial<Record<CaseType, Tips>> = {};
  let complete = true;
  for (const caseType of CASE_TYPES) {
    if (!Object.hasOwn(value, caseType)) continue;
    const read = readTips(value[caseType], [...path, caseType], fail);
    if (read) tips[caseType] = read;
    else complete = false;
  }
  return complete ? Object.freeze(tips) : undefined;
}

function readRequired<T>(
  parent: Record<string, unknown>,
  field: string,
  parentPath: GuidancePath,
  fail: Fail,
  read: (value: unknown, path: GuidancePath, fail: Fail) => T | undefined,
): T | undefined {
  const path = [...parentPath, field];
  if (!Object.hasOwn(parent, field)) {
    fail(path, 'missing');
    return undefined;
  }
  return read(parent[field], path, fail);
}

function readName(value: unknown, path: GuidancePath, fail: Fail): string | undefined {
  return readText(value, path, fail, GUIDANCE_NAME_MAX_LENGTH);
}

function readTips(value: unknown, path: GuidancePath, fail: Fail): Tips | undefined {
  if (!Array.isArray(value)) {
    fail(path, 'must be a list of tips, each on its own line starting with "- "');
    return undefined;
  }
  if (value.length === 0) {
    fail(path, 'must have at least one tip');
    return undefined;
  }
  const tips = value.map((item, index) =>
    readText(item, [...path, index], fail, GUIDANCE_TIP_MAX_LENGTH),
  );
  return tips.every((tip) => tip !== undefined) ? Object.freeze(tips) : undefined;
}

function readText(
  value: unknown,
  path: GuidancePath,
  fail: Fail,
  maxLength: number,
): string | undefined {
  if (value === null || value === undefined) {
    fail(path, 'is empty');
    return undefined;
  }
  if (typeof value !== 'string') {
    // The usual way to get here is a tip like `- Note: keep it`, which YAML reads as a pair.
    const hint = isRecord(value) ? '; text containing ": " must be put in double quotes' : '';
    fail(path, `must be text${hint}`);
    return undefined;
  }
  const text = value.trim();
  if (text.length === 0) {
    fail(path, 'is empty');
    return undefined;
  }
  const length = [...text].length;
  if (length > maxLength) {
    fail(path, `must be at most ${maxLength} characters (it has ${length})`);
    return undefined;
  }
  return text;
}

function refuseUnknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: GuidancePath,
  what: string,
  fail: Fail,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail([...path, key], `unknown ${what}; allowed are ${allowed.join(', ')}`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}
