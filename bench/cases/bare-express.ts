import { randomUUID } from 'node:crypto';
import express, { Request, Response } from 'express';
import type { PoolClient } from 'pg';
import { normalizeCaseInput, type NormalizedCase } from '../../src/cases/case-input';
import { newCaseReference } from '../../src/cases/case-reference';
import { DEMAND_CHANNELS } from '../../src/cases/case-status';
import { CASE_TYPES } from '../../src/cases/case-type';
import { toIdentifierView } from '../../src/cases/case-views';
import type { CreateCaseDto } from '../../src/cases/case.dto';
import type { CreatedCaseView } from '../../src/cases/case.view';
import {
  IDENTIFIER_KINDS,
  PAYMENT_PROVIDERS,
  type PaymentProvider,
} from '../../src/identifiers/identifier-kind';
import type { NormalizedIdentifier } from '../../src/identifiers/normalize-identifier';
import { PLATFORMS } from '../../src/common/platform';
import type { FieldError } from '../../src/common/problem/problem-details';
import { isTimestamp } from '../../src/common/validation/is-timestamp';
import { loadGuidanceByLanguage } from '../../src/guidance/guidance-by-language';
import { GuidanceService } from '../../src/guidance/guidance.service';
import { authenticate } from '../lib/bare-auth';
import { bareSettings, problem, problemOnError, serve } from '../lib/bare-server';

// The baseline of bench:cases: POST /v1/cases on a bare Express 5 app. It checks the same Bearer
// token with the same session + user lookup, checks the shape of the JSON body by hand (what the
// DTO's decorators check in Bulwark), then applies the filing rules with the very functions
// Bulwark uses, loaded from its build: normalizeCaseInput (normalizeIdentifier, parseMoney), the
// vocabularies, isTimestamp, newCaseReference and the guidance of data/guidance.yaml. It writes
// the same rows with its own SQL in one transaction and answers 201 with the same body. What it
// leaves out is what Bulwark adds around that: Nest, class-validator and class-transformer,
// TypeORM, passport, pino logs, helmet headers, metrics, request ids, Idempotency-Key support
// and form bodies. bench/cases/run.ts compiles it to JavaScript (bench/lib/baseline.ts) and starts
// it as a child process in the project root with PORT, DATABASE_URL and JWT_SECRET set.

const settings = bareSettings();
/** Bulwark's PHONE_DEFAULT_REGION, which the benchmark leaves at its default. */
const PHONE_REGION = 'CN';
/** Read from the project root at start-up, as Bulwark does. */
const guidance = new GuidanceService(loadGuidanceByLanguage());

// ---- the shape of the body, as CreateCaseDto declares it: 400, or 422 when only over a limit ----

interface ShapeError extends FieldError {
  /** Over a documented limit, but well-formed: 422 rather than 400 when it is the only kind. */
  limit?: true;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;

class Checker {
  readonly errors: ShapeError[] = [];

  fail(field: string, message: string, limit?: true): void {
    this.errors.push(limit ? { field, message, limit } : { field, message });
  }

  onlyKeys(object: Json, allowed: string[], prefix: string): void {
    for (const name of Object.keys(object)) {
      if (!allowed.includes(name)) this.fail(prefix + name, 'is not allowed');
    }
  }

  oneOf(value: unknown, allowed: readonly string[], field: string): void {
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
    if (!isTimestamp(value)) this.fail(field, 'must be a date and time with its UTC offset');
  }

  money(value: unknown, field: string): void {
    if (!isObject(value)) return this.fail(field, 'must be an object');
    this.onlyKeys(value, ['amount', 'currency'], `${field}.`);
    this.text(value.amount, `${field}.amount`, 32);
    this.text(value.currency, `${field}.currency`, 3);
  }
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

/** Trims title and description in place, as the DTO's @Trim() does. */
function checkShape(body: Json): ShapeError[] {
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
  if (!absent(body.demandChannel)) {
    check.oneOf(body.demandChannel, DEMAND_CHANNELS, 'demandChannel');
  }
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

// ---- storing ----

interface Sighting {
  partyId: string | null;
  identifier: NormalizedIdentifier;
}

async function insertCase(client: PoolClient, sellerId: string, filing: NormalizedCase) {
  const money = filing.amountDemanded ?? filing.amountPaid;
  let row: { id: string; reference: string; created_at: Date; updated_at: Date } | undefined;
  for (let attempt = 0; attempt < 5 && !row; attempt += 1) {
    const inserted = await client.query<NonNullable<typeof row>>(
      `INSERT INTO cases (reference, seller_id, type, platform, title, description, incident_at,
                          order_ids, amount_demanded, amount_paid, currency, demand_channel,
                          payee_provider, payee_account, payee_display, demand_deadline,
                          last_event_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1)
       ON CONFLICT DO NOTHING
       RETURNING id, reference, created_at, updated_at`,
      [
        newCaseReference(),
        sellerId,
        filing.type,
        filing.platform,
        filing.title,
        filing.description,
        filing.incidentAt,
        filing.orderIds.map((id) => id.value),
        filing.amountDemanded?.amount ?? null,
        filing.amountPaid?.amount ?? null,
        money?.currency ?? null,
        filing.demandChannel,
        filing.payeeAccount?.scope ?? null,
        filing.payeeAccount?.value ?? null,
        filing.payeeAccount?.display ?? null,
        filing.demandDeadline,
      ],
    );
    row = inserted.rows[0];
  }
  if (!row) throw new Error('No free case reference after 5 attempts');

  const partyIds = filing.reported.map(() => randomUUID());
  const sightings: Sighting[] = [
    ...filing.reported.flatMap((party, index) =>
      party.identifiers.map((identifier) => ({ partyId: partyIds[index], identifier })),
    ),
    ...filing.orderIds.map((identifier) => ({ partyId: null, identifier })),
    ...(filing.payeeAccount ? [{ partyId: null, identifier: filing.payeeAccount }] : []),
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
    `INSERT INTO case_events (case_id, case_seq, actor_id, kind, visibility, data)
     VALUES ($1, 1, $2, 'case_created', 'seller', $3)`,
    [row.id, sellerId, JSON.stringify({ reference: row.reference, type: filing.type })],
  );
  await client.query(
    `INSERT INTO outbox (event, job_name, payload, dispatched_at)
     VALUES ('case.created', NULL, $1, now())`,
    [JSON.stringify({ caseId: row.id, sellerId })],
  );
  return { row, partyIds };
}

// ---- the app ----

const app = express();
app.disable('x-powered-by');
app.use(express.json());

app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});

app.post('/v1/cases', async (request: Request, response: Response) => {
  const user = await authenticate(request, response, settings);
  if (!user) return;
  if (user.role !== 'seller') return problem(response, 403, 'This needs the role seller.');

  if (!request.is('application/json')) return problem(response, 415, 'Send the case as JSON.');
  const body: unknown = request.body;
  if (!isObject(body)) return problem(response, 400, 'The request body must be a JSON object.');
  const shapeErrors = checkShape(body);
  if (shapeErrors.length > 0) {
    const overLimits = shapeErrors.every((error) => error.limit);
    return problem(response, overLimits ? 422 : 400, 'Invalid fields.', shapeErrors);
  }
  const input = normalizeCaseInput(body as unknown as CreateCaseDto, {
    now: new Date(),
    defaultRegion: PHONE_REGION,
  });
  if (!input.ok) return problem(response, 422, 'Not accepted.', input.errors);
  const filing = input.value;

  const client = await settings.pool.connect();
  let stored: Awaited<ReturnType<typeof insertCase>>;
  try {
    await client.query('BEGIN');
    stored = await insertCase(client, user.id, filing);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
  client.release();

  const { row, partyIds } = stored;
  const payee = filing.payeeAccount;
  const created: CreatedCaseView = {
    id: row.id,
    reference: row.reference,
    status: 'open',
    outcome: null,
    type: filing.type,
    platform: filing.platform,
    title: filing.title,
    reportedElsewhere: false,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    description: filing.description,
    incidentAt: filing.incidentAt?.toISOString() ?? null,
    amountDemanded: filing.amountDemanded,
    amountPaid: filing.amountPaid,
    demandChannel: filing.demandChannel,
    payeeAccount: payee
      ? { provider: payee.scope as PaymentProvider, value: payee.value, display: payee.display }
      : null,
    demandDeadline: filing.demandDeadline?.toISOString() ?? null,
    orderIds: filing.orderIds.map((id) => id.value),
    reported: partyIds.map((id, index) => ({
      id,
      identifiers: filing.reported[index].identifiers.map(toIdentifierView),
    })),
    evidence: [],
    resolution: null,
    appealableUntil: null,
    guidance: guidance.forPlatform(filing.platform, filing.type),
  };
  response.status(201).location(`/v1/cases/${row.id}`).json(created);
});

app.use(problemOnError);

serve(app, settings);
