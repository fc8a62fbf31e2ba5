import {
  createHmac,
  createSecretKey,
  KeyObject,
  randomInt,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { Pool, PoolClient } from 'pg';
import { parse as parseYaml } from 'yaml';

// The baseline of bench:cases: POST /v1/cases on a bare Express 5 app, written directly. It checks
// the same Bearer token, makes the same session + user lookup, applies the same validation rules
// to the same JSON body and writes the same rows in one transaction, then answers 201 with the
// same shape of body. What it leaves out is what Bulwark adds around that: Nest, class-validator
// and class-transformer, TypeORM, passport, pino logs, helmet headers, metrics, request ids,
// Idempotency-Key support and form bodies. bench/cases/run.ts compiles it to JavaScript and starts
// it as a child process in the project root with PORT, DATABASE_URL and JWT_SECRET set.

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`bare-express: ${name} is required\n`);
    process.exit(1);
  }
  return value;
}

const port = Number(required('PORT'));
const key = createSecretKey(Buffer.from(required('JWT_SECRET'), 'utf8'));
const pool = new Pool({ connectionString: required('DATABASE_URL'), max: 10 });
// Started from the project root (bench/cases/run.ts compiles this file to a scratch directory).
const ROOT = process.cwd();

// ---- the vocabularies (src/common/platform.ts, src/cases/case-type.ts, case-status.ts,
// identifiers/identifier-kind.ts) ----

const CASE_TYPES = [
  'extortion',
  'malicious_review',
  'malicious_purchase',
  'ad_click_attack',
  'fake_review_ring',
  'other',
];
const PLATFORMS = [
  'taobao',
  'tmall',
  'jd',
  'pinduoduo',
  'douyin',
  'amazon',
  'ebay',
  'shopee',
  'aliexpress',
  'etsy',
  'other',
];
const DEMAND_CHANNELS = ['qq', 'wechat', 'sms', 'phone_call', 'email', 'platform_chat', 'other'];
const IDENTIFIER_KINDS = [
  'platform_account',
  'qq',
  'wechat',
  'phone',
  'email',
  'payment_account',
  'order_id',
  'url',
];
const PAYMENT_PROVIDERS = ['alipay', 'wechat_pay', 'paypal', 'bank'];
const PHONE_REGION = 'CN';

// ---- JWT ----

interface Claims {
  sub: string;
  sid: string;
}

/** The claims of a valid, unexpired HS256 JWT signed with `secret`, or undefined. */
function verifiedClaims(token: string, secret: KeyObject): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      alg?: unknown;
    };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: unknown;
      sid?: unknown;
      exp?: unknown;
    };
    if (alg !== 'HS256' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      return undefined;
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
    return { sub: claims.sub, sid: claims.sid };
  } catch {
    return undefined;
  }
}

// ---- validation: the DTO's shape rules (400), then the filing rules (422) ----

interface FieldError {
  field: string;
  message: string;
  /** Over a documented limit, but well-formed: 422 rather than 400 when it is the only kind. */
  limit?: true;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;

class Checker {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string, limit?: true): void {
    this.errors.push(limit ? { field, message, limit } : { field, message });
  }

  onlyKeys(object: Json, allowed: string[], prefix: string): void {
    for (const name of Object.keys(object)) {
      if (!allowed.includes(name)) this.fail(prefix + name, 'is not allowed');
    }
  }

  oneOf(value: unknown, allowed: string[], field: string): void {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(field, `must be one of: ${allowed.join(', ')}`);
    }
  }

  text(value: unknown, field: string, maxLength: number, notEmpty = false): void {
    if (typeof value !== 'string') this.fail(field, 'must be a string');
    else if (notEmpty && value === '') this.fail(field, 'must not be empty');
    else if (value.length > maxLength) {
      this.fail(field, `must be at most ${maxLength} characters`, true);
    }
  }

  timestamp(value: unknown, field: string): void {
    if (typeof value !== 'string' || !isTimestamp(value)) {
      this.fail(field, 'must be a date and time with its UTC offset');
    }
  }

  money(value: unknown, field: string): void {
    if (!isObject(value)) return this.fail(field, 'must be an object');
    this.onlyKeys(value, ['amount', 'currency'], `${field}.`);
    this.text(value.amount, `${field}.amount`, 32);
    this.text(value.currency, `${field}.currency`, 3);
  }
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date and time with its offset, on a real calendar day (no 30 February). */
function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    !Number.isNaN(new Date(text).getTime())
  );
}

/** The request after the shape rules: what the DTO would hold. */
interface CaseDto {
  type: string;
  platform: string;
  title: string;
  description?: string;
  incidentAt?: string;
  amountDemanded?: { amount: string; currency: string };
  amountPaid?: { amount: string; currency: string };
  demandChannel?: string;
  payeeAccount?: { provider: string; value: string };
  demandDeadline?: string;
  orderIds?: string[];
  reported?: { identifiers: IdentifierInput[] }[];
}

interface IdentifierInput {
  kind: string;
  value: string;
  platform?: string;
  provider?: string;
}

const TOP_LEVEL = [
  'type',
  'platform',
  'title',
  'description',
  'incidentAt',
  'amountDemanded',
  'amountPaid',
  'demandChannel',
  'payeeAccount',
  'demandDeadline',
  'orderIds',
  'reported',
];

function checkShape(body: Json): FieldError[] {
  const check = new Checker();
  check.onlyKeys(body, TOP_LEVEL, '');
  if (typeof body.title === 'string') body.title = body.title.trim();
  if (typeof body.description === 'string') body.description = body.description.trim();
  check.oneOf(body.type, CASE_TYPES, 'type');
  check.oneOf(body.platform, PLATFORMS, 'platform');
  check.text(body.title, 'title', 200, true);
  if (!absent(body.description)) check.text(body.description, 'description', 10_000);
  if (!absent(body.incidentAt)) check.timestamp(body.incidentAt, 'incidentAt');
  if (!absent(body.demandDeadline)) check.timestamp(body.demandDeadline, 'demandDeadline');
  if (!absent(body.amountDemanded)) check.money(body.amountDemanded, 'amountDemanded');
  if (!absent(body.amountPaid)) check.money(body.amountPaid, 'amountPaid');
  if (!absent(body.demandChannel))
    check.oneOf(body.demandChannel, DEMAND_CHANNELS, 'demandChannel');
  const payee = body.payeeAccount;
  if (!absent(payee)) {
    if (!isObject(payee)) check.fail('payeeAccount', 'must be an object');
    else {
      check.onlyKeys(payee, ['provider', 'value'], 'payeeAccount.');
      check.oneOf(payee.provider, PAYMENT_PROVIDERS, 'payeeAccount.provider');
      check.text(payee.value, 'payeeAccount.value', 200);
    }
  }
  const orderIds = body.orderIds;
  if (!absent(orderIds)) {
    if (!Array.isArray(orderIds)) check.fail('orderIds', 'must be an array');
    else if (orderIds.length > 50) check.fail('orderIds', 'must have at most 50 items', true);
    else orderIds.forEach((id, index) => check.text(id, `orderIds[${index}]`, 64));
  }
  const reported = body.reported;
  if (!absent(reported)) {
    if (!Array.isArray(reported)) check.fail('reported', 'must be an array');
    else if (reported.length > 10) check.fail('reported', 'must have at most 10 items', true);
    else reported.forEach((party, index) => checkParty(check, party, `reported[${index}]`));
  }
  return check.errors;
}

function checkParty(check: Checker, party: unknown, field: string): void {
  if (!isObject(party)) return check.fail(field, 'must be an object');
  check.onlyKeys(party, ['identifiers'], `${field}.`);
  const identifiers = party.identifiers;
  if (!Array.isArray(identifiers)) return check.fail(`${field}.identifiers`, 'must be an array');
  if (identifiers.length < 1) return check.fail(`${field}.identifiers`, 'must not be empty');
  if (identifiers.length > 20) {
    return check.fail(`${field}.identifiers`, 'must have at most 20 items', true);
  }
  identifiers.forEach((identifier: unknown, index) => {
    const at = `${field}.identifiers[${index}]`;
    if (!isObject(identifier)) return check.fail(at, 'must be an object');
    check.onlyKeys(identifier, ['kind', 'value', 'platform', 'provider'], `${at}.`);
    check.oneOf(identifier.kind, IDENTIFIER_KINDS, `${at}.kind`);
    check.text(identifier.value, `${at}.value`, 200);
    if (!absent(identifier.platform)) check.oneOf(identifier.platform, PLATFORMS, `${at}.platform`);
    if (!absent(identifier.provider)) {
      check.oneOf(identifier.provider, PAYMENT_PROVIDERS, `${at}.provider`);
    }
  });
}

// ---- the filing rules (src/cases/case-input.ts, money.ts, identifiers/normalize-identifier.ts) ----

interface Identifier {
  kind: string;
  scope: string;
  value: string;
  display: string;
}

interface Filing {
  incidentAt: Date | null;
  amountDemanded: { amount: string; currency: string } | null;
  amountPaid: { amount: string; currency: string } | null;
  payee: Identifier | null;
  demandDeadline: Date | null;
  orderIds: Identifier[];
  reported: Identifier[][];
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const MINOR_DIGITS = new Map<string, number>();
const AMOUNT = /^(\d+)(?:\.(\d+))?$/;

function minorDigits(code: string): number {
  let digits = MINOR_DIGITS.get(code);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    MINOR_DIGITS.set(code, digits);
  }
  return digits;
}

/** The amount with exactly the currency's minor digits, or an error on `field`. */
function money(
  given: { amount: string; currency: string },
  field: string,
  allowZero: boolean,
  errors: FieldError[],
): { amount: string; currency: string } | null {
  const code = given.currency.toUpperCase();
  if (!/^[A-Za-z]{3}$/.test(given.currency) || !CURRENCIES.has(code)) {
    errors.push({
      field: `${field}.currency`,
      message: 'is not a currency code such as CNY or USD',
    });
    return null;
  }
  const digits = minorDigits(code);
  const match = AMOUNT.exec(given.amount);
  if (!match) {
    errors.push({ field: `${field}.amount`, message: 'must be a plain positive number' });
    return null;
  }
  const integer = match[1].replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const zero = integer === '0' && fraction === '';
  if (fraction.length > digits || integer.length > 12 || (zero && !allowZero)) {
    errors.push({ field: `${field}.amount`, message: `is not a valid amount of ${code}` });
    return null;
  }
  return {
    amount: digits === 0 ? integer : `${integer}.${fraction.padEnd(digits, '0')}`,
    currency: code,
  };
}

const QQ_LABEL = /^qq\s*号?\s*[:：]?\s*/i;
const QQ_NUMBER = /^[1-9]\d{4,10}$/;
const PHONE_TEXT = /^\+?[\d\s().-]+$/;
const WECHAT_LABEL = /^(?:微信号?|wechat(?:\s*id)?|wx|vx)\s*[:：]\s*/i;
const WECHAT_ID = /^[a-z][a-z0-9_-]{5,19}$/;
const LEGACY_WXID = /^wxid_[a-z0-9_-]{1,25}$/;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const BANK_ACCOUNT = /^[A-Z0-9]{8,34}$/;
const ORDER_ID = /^[A-Z0-9_-]{4,64}$/;

function phone(text: string): string | undefined {
  if (!PHONE_TEXT.test(text)) return undefined;
  try {
    const number = parsePhoneNumberWithError(text, PHONE_REGION);
    return number.isValid() ? number.number : undefined;
  } catch {
    return undefined;
  }
}

function wechat(text: string): string | undefined {
  const id = text.replace(WECHAT_LABEL, '').toLowerCase();
  return WECHAT_ID.test(id) || LEGACY_WXID.test(id) ? id : undefined;
}

function email(text: string): string | undefined {
  const address = text.toLowerCase();
  return EMAIL.test(address) ? address : undefined;
}

function url(text: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const parsed = new URL(withScheme);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    if (!parsed.hostname.includes('.') || parsed.username || parsed.password) return undefined;
    const path = parsed.pathname === '/' && parsed.search === '' ? '' : parsed.pathname;
    return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
  } catch {
    return undefined;
  }
}

/** The canonical value of an identifier of a kind whose scope was checked, or undefined. */
function canonical(kind: string, scope: string, text: string): string | undefined {
  switch (kind) {
    case 'platform_account': {
      const name = text
        .replace(/^[@\s]+/, '')
        .replace(/\s+/g, ' ')
        .toLowerCase();
      return name !== '' && Array.from(name).length <= 100 ? name : undefined;
    }
    case 'qq': {
      const digits = text.replace(QQ_LABEL, '').replace(/\s+/g, '');
      return QQ_NUMBER.test(digits) ? digits : undefined;
    }
    case 'phone':
      return phone(text);
    case 'wechat':
      return wechat(text);
    case 'email':
      return email(text);
    case 'order_id': {
      const id = text.replace(/\s+/g, '').toUpperCase();
      return ORDER_ID.test(id) ? id : undefined;
    }
    case 'url':
      return url(text);
    case 'payment_account':
      if (scope === 'bank') {
        const account = text.replace(/[\s-]+/g, '').toUpperCase();
        return BANK_ACCOUNT.test(account) ? account : undefined;
      }
      return phone(text) ?? (scope === 'wechat_pay' ? wechat(text) : email(text));
  }
  return undefined;
}

function identifier(
  input: IdentifierInput,
  field: string,
  errors: FieldError[],
): Identifier | undefined {
  const { kind, platform, provider } = input;
  if (kind !== 'platform_account' && !absent(platform)) {
    errors.push({ field: `${field}.platform`, message: 'only applies to platform accounts' });
    return undefined;
  }
  if (kind !== 'payment_account' && !absent(provider)) {
    errors.push({ field: `${field}.provider`, message: 'only applies to payment accounts' });
    return undefined;
  }
  if (kind === 'payment_account' && absent(provider)) {
    errors.push({ field: `${field}.provider`, message: 'is required for a payment account' });
    return undefined;
  }
  const scope =
    kind === 'platform_account' ? platform! : kind === 'payment_account' ? provider! : '';
  const text = input.value.normalize('NFKC').trim();
  const value =
    text !== '' && Array.from(text).length <= 200 ? canonical(kind, scope, text) : undefined;
  if (value === undefined) {
    errors.push({ field: `${field}.value`, message: `is not a valid ${kind}` });
    return undefined;
  }
  return { kind, scope, value, display: Array.from(input.value.trim()).slice(0, 200).join('') };
}

/** The same handle typed twice in one list is kept once, in its first place. */
function unique(identifiers: Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return identifiers.filter(({ kind, scope, value }) => {
    const name = `${kind}\u0000${scope}\u0000${value}`;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

function checkRules(dto: CaseDto, errors: FieldError[]): Filing {
  const incidentAt = dto.incidentAt ? new Date(dto.incidentAt) : null;
  if (incidentAt && incidentAt.getTime() > Date.now() + 5 * 60_000) {
    errors.push({ field: 'incidentAt', message: 'is in the future' });
  }
  const amountDemanded = dto.amountDemanded
    ? money(dto.amountDemanded, 'amountDemanded', false, errors)
    : null;
  const amountPaid = dto.amountPaid ? money(dto.amountPaid, 'amountPaid', true, errors) : null;
  if (amountDemanded && amountPaid && amountDemanded.currency !== amountPaid.currency) {
    errors.push({ field: 'amountPaid.currency', message: 'must be the currency demanded' });
  }
  const payee = dto.payeeAccount
    ? (identifier({ kind: 'payment_account', ...dto.payeeAccount }, 'payeeAccount', errors) ?? null)
    : null;
  const orderIds = (dto.orderIds ?? []).flatMap((value, index) => {
    const id = identifier({ kind: 'order_id', value }, `orderIds[${index}]`, errors);
    return id ? [id] : [];
  });
  const reported = (dto.reported ?? []).map((party, partyIndex) =>
    unique(
      party.identifiers.flatMap((given, index) => {
        const input =
          given.kind === 'platform_account'
            ? { ...given, platform: given.platform ?? dto.platform }
            : given;
        const id = identifier(input, `reported[${partyIndex}].identifiers[${index}]`, errors);
        return id ? [id] : [];
      }),
    ),
  );
  return {
    incidentAt,
    amountDemanded,
    amountPaid,
    payee,
    demandDeadline: dto.demandDeadline ? new Date(dto.demandDeadline) : null,
    orderIds: unique(orderIds),
    reported,
  };
}

// ---- guidance (data/guidance.yaml, read once) ----

interface PlatformGuidance {
  name: string;
  acceptedProof: string[];
  supportingOnly: string[];
  captureNow: string[];
  reportChannel: string[];
  caseTypes?: Record<string, string[]>;
}

const guidance = parseYaml(readFileSync(join(ROOT, 'data', 'guidance.yaml'), 'utf8')) as {
  common: { advice: string[]; caseTypes?: Record<string, string[]> };
} & Record<string, PlatformGuidance>;

function guidanceFor(platform: string, caseType: string) {
  const entry = guidance[platform];
  return {
    platform,
    name: entry.name,
    acceptedProof: [...entry.acceptedProof],
    supportingOnly: [...entry.supportingOnly],
    captureNow: [...entry.captureNow],
    reportChannel: [...entry.reportChannel],
    common: [...guidance.common.advice],
    caseTypeTips: [
      ...(guidance.common.caseTypes?.[caseType] ?? []),
      ...(entry.caseTypes?.[caseType] ?? []),
    ],
  };
}

// ---- storing ----

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(): string {
  let code = '';
  for (let i = 0; i < 6; i += 1) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `BW-${code}`;
}

interface Sighting {
  partyId: string | null;
  identifier: Identifier;
}

async function insertCase(client: PoolClient, sellerId: string, dto: CaseDto, filing: Filing) {
  const money = filing.amountDemanded ?? filing.amountPaid;
  let row: { id: string; reference: string; created_at: Date; updated_at: Date } | undefined;
  for (let attempt = 0; attempt < 5 && !row; attempt += 1) {
    const inserted = await client.query<NonNullable<typeof row>>(
      `INSERT INTO cases (reference, seller_id, type, platform, title, description, incident_at,
                          order_ids, amount_demanded, amount_paid, currency, demand_channel,
                          payee_provider, payee_account, payee_display, demand_deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT DO NOTHING
       RETURNING id, reference, created_at, updated_at`,
      [
        newReference(),
        sellerId,
        dto.type,
        dto.platform,
        dto.title,
        dto.description ?? '',
        filing.incidentAt,
        filing.orderIds.map((id) => id.value),
        filing.amountDemanded?.amount ?? null,
        filing.amountPaid?.amount ?? null,
        money?.currency ?? null,
        dto.demandChannel ?? null,
        filing.payee?.scope ?? null,
        filing.payee?.value ?? null,
        filing.payee?.display ?? null,
        filing.demandDeadline,
      ],
    );
    row = inserted.rows[0];
  }
  if (!row) throw new Error('No free case reference after 5 attempts');

  const partyIds = filing.reported.map(() => randomUUID());
  const sightings: Sighting[] = [
    ...filing.reported.flatMap((identifiers, index) =>
      identifiers.map((identifier) => ({ partyId: partyIds[index], identifier })),
    ),
    ...filing.orderIds.map((identifier) => ({ partyId: null, identifier })),
    ...(filing.payee ? [{ partyId: null, identifier: filing.payee }] : []),
  ];
  if (sightings.length > 0) {
    const nameOf = (id: { kind: string; scope: string; value: string }) =>
      `${id.kind}\u0000${id.scope}\u0000${id.value}`;
    const distinct = [
      ...new Map(sightings.map(({ identifier }) => [nameOf(identifier), identifier])).values(),
    ];
    // New identifiers in sorted order, known ones left unlocked; then parties and sightings in
    // one statement whose snapshot sees identifiers other filings committed meanwhile.
    await client.query(
      `INSERT INTO identifiers (kind, scope, value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1, 2, 3
       ON CONFLICT (kind, scope, value) DO NOTHING`,
      [
        distinct.map((id) => id.kind),
        distinct.map((id) => id.scope),
        distinct.map((id) => id.value),
      ],
    );
    await client.query(
      `WITH parties AS (
         INSERT INTO reported_parties (id, case_id, position)
         SELECT id, $1, position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, position)
       )
       INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position)
       SELECT $1, t.party_id, i.id, t.display, 'seller', t.position - 1
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
              WITH ORDINALITY AS t(party_id, kind, scope, value, display, position)
         JOIN identifiers i ON (i.kind, i.scope, i.value) = (t.kind, t.scope, t.value)
       ON CONFLICT DO NOTHING`,
      [
        row.id,
        partyIds,
        sightings.map((sighting) => sighting.partyId),
        sightings.map((sighting) => sighting.identifier.kind),
        sightings.map((sighting) => sighting.identifier.scope),
        sightings.map((sighting) => sighting.identifier.value),
        sightings.map((sighting) => sighting.identifier.display),
      ],
    );
  }
  await client.query(
    `INSERT INTO case_events (case_id, actor_id, kind, visibility, data)
     VALUES ($1, $2, 'case_created', 'seller', $3)`,
    [row.id, sellerId, JSON.stringify({ reference: row.reference, type: dto.type })],
  );
  await client.query(
    `INSERT INTO outbox (event, job_name, payload, dispatched_at)
     VALUES ('case.created', NULL, $1, now())`,
    [JSON.stringify({ caseId: row.id, sellerId })],
  );
  return { row, partyIds, sightings };
}

// ---- the app ----

function problem(response: Response, status: number, detail: string, errors: FieldError[] = []) {
  response
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        status,
        detail,
        errors: errors.map(({ field, message }) => ({ field, message })),
      }),
    );
}

const app = express();
app.disable('x-powered-by');
app.use(express.json());

app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});

app.post('/v1/cases', async (request: Request, response: Response) => {
  const authorization = request.get('authorization') ?? '';
  const claims = authorization.startsWith('Bearer ')
    ? verifiedClaims(authorization.slice(7), key)
    : undefined;
  if (!claims) return problem(response, 401, 'The access token is not valid.');
  const { rows } = await pool.query<{ id: string; role: string; status: string; revoked: boolean }>(
    `SELECT u.id, u.role, u.status, s.revoked_at IS NOT NULL AS revoked
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND u.id = $2`,
    [claims.sid, claims.sub],
  );
  const user = rows[0];
  if (!user || user.revoked || user.status !== 'active') {
    return problem(response, 401, 'The session has ended; sign in again.');
  }
  if (user.role !== 'seller') return problem(response, 403, 'This needs the role seller.');

  if (!request.is('application/json')) return problem(response, 415, 'Send the case as JSON.');
  const body: unknown = request.body;
  if (!isObject(body)) return problem(response, 400, 'The request body must be a JSON object.');
  const shapeErrors = checkShape(body);
  if (shapeErrors.length > 0) {
    const overLimits = shapeErrors.every((error) => error.limit);
    return problem(response, overLimits ? 422 : 400, 'Invalid fields.', shapeErrors);
  }
  const dto = body as unknown as CaseDto;
  const ruleErrors: FieldError[] = [];
  const filing = checkRules(dto, ruleErrors);
  if (ruleErrors.length > 0) return problem(response, 422, 'Not accepted.', ruleErrors);

  const client = await pool.connect();
  let stored: Awaited<ReturnType<typeof insertCase>>;
  try {
    await client.query('BEGIN');
    stored = await insertCase(client, user.id, dto, filing);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
  client.release();

  const { row, partyIds, sightings } = stored;
  const view = ({ identifier }: Sighting) => ({
    kind: identifier.kind,
    value: identifier.value,
    display: identifier.display,
    ...(identifier.kind === 'platform_account' ? { platform: identifier.scope } : {}),
    ...(identifier.kind === 'payment_account' ? { provider: identifier.scope } : {}),
  });
  response
    .status(201)
    .location(`/v1/cases/${row.id}`)
    .json({
      id: row.id,
      reference: row.reference,
      status: 'open',
      outcome: null,
      type: dto.type,
      platform: dto.platform,
      title: dto.title,
      priority: 0,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      description: dto.description ?? '',
      incidentAt: filing.incidentAt?.toISOString() ?? null,
      amountDemanded: filing.amountDemanded,
      amountPaid: filing.amountPaid,
      demandChannel: dto.demandChannel ?? null,
      payeeAccount: filing.payee
        ? { provider: filing.payee.scope, value: filing.payee.value, display: filing.payee.display }
        : null,
      demandDeadline: filing.demandDeadline?.toISOString() ?? null,
      orderIds: filing.orderIds.map((id) => id.value),
      reported: partyIds.map((id) => ({
        id,
        identifiers: sightings.filter((sighting) => sighting.partyId === id).map(view),
      })),
      evidence: [],
      guidance: guidanceFor(dto.platform, dto.type),
    });
});

// Express 5 passes a rejected handler's error here.
app.use(
  (
    error: Error & { status?: number },
    _request: Request,
    response: Response,
    next: NextFunction,
  ) => {
    if (response.headersSent) return next(error);
    if (error.status && error.status < 500) return problem(response, error.status, error.message);
    process.stderr.write(`bare-express: ${error.stack ?? String(error)}\n`);
    problem(response, 500, 'Internal server error');
  },
);

async function main(): Promise<void> {
  await pool.query('SELECT 1');
  const server: Server = app.listen(port, '127.0.0.1');
  await new Promise<void>((done, reject) => {
    server.once('listening', done);
    server.once('error', reject);
  });
  const stop = () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bare-express: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
