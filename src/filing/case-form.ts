import type { FieldError } from '../common/problem/problem-details';
import type { IdentifierKind } from '../identifiers/identifier-kind';

/** The repeatable fields of a plain HTML form that describe its one reported party. */
const PARTY_FIELDS: Record<string, IdentifierKind> = {
  platformAccount: 'platform_account',
  qq: 'qq',
  wechat: 'wechat',
  phone: 'phone',
  email: 'email',
  paymentAccount: 'payment_account',
  url: 'url',
};

const SINGLE_FIELDS = [
  'type',
  'platform',
  'title',
  'description',
  'incidentAt',
  'amountDemanded',
  'amountPaid',
  'currency',
  'demandChannel',
  'payeeAccount',
  'payeeProvider',
  'paymentProvider',
  'demandDeadline',
] as const;

/** Where a field of the JSON shape came from in the form, for errors the form can show. */
const FIXED_NAMES: Record<string, string> = {
  'amountDemanded.amount': 'amountDemanded',
  'amountDemanded.currency': 'currency',
  'amountPaid.amount': 'amountPaid',
  'amountPaid.currency': 'currency',
  'payeeAccount.value': 'payeeAccount',
  'payeeAccount.provider': 'payeeProvider',
  orderIds: 'orderId',
  reported: 'reported',
};

export interface CaseForm {
  /** The filing in the JSON shape, still to be validated like a JSON body. */
  body: Record<string, unknown>;
  /** Maps an error's JSON path back to the form field the seller filled in. */
  renameField: (field: string) => string;
}

export interface CaseFormOptions {
  /** The UTC offset of a time typed into a datetime-local input, which sends none. */
  localUtcOffset: string;
}

/** What a browser's datetime-local input sends: a wall-clock time without an offset. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export type CaseFormResult = { ok: true; form: CaseForm } | { ok: false; errors: FieldError[] };

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Turns the flat fields of a form (multipart or urlencoded) into the JSON filing. Empty inputs
 * count as not filled in, as a browser sends every field of the form.
 */
export function caseFromForm(
  fields: Record<string, unknown>,
  options: CaseFormOptions,
): CaseFormResult {
  const errors: FieldError[] = [];
  const single: Record<string, string> = {};
  const repeated: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const values = asList(raw);
    if (values.some((value) => typeof value !== 'string')) {
      errors.push({ field: name, message: 'must be plain text' });
      continue;
    }
    const filled = (values as string[]).filter((value) => value.trim() !== '');
    if ((SINGLE_FIELDS as readonly string[]).includes(name)) {
      if (filled.length > 1) errors.push({ field: name, message: 'must be given once' });
      else if (filled.length === 1) single[name] = filled[0];
    } else if (Object.hasOwn(PARTY_FIELDS, name) || name === 'orderId') {
      if (filled.length > 0) repeated[name] = filled;
    } else {
      errors.push({ field: name, message: 'is not a field of this form' });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const body: Record<string, unknown> = {};
  for (const name of ['type', 'platform', 'title', 'description', 'demandChannel']) {
    if (single[name] !== undefined) body[name] = single[name];
  }
  for (const name of ['incidentAt', 'demandDeadline']) {
    const value = single[name]?.trim();
    if (value !== undefined) {
      body[name] = LOCAL_TIME.test(value) ? `${value}${options.localUtcOffset}` : value;
    }
  }
  for (const name of ['amountDemanded', 'amountPaid'] as const) {
    if (single[name] !== undefined) {
      body[name] = {
        amount: single[name].trim(),
        // Left empty, the amount's own sign or the platform decides the currency.
        ...(single.currency !== undefined ? { currency: single.currency } : {}),
      };
    }
  }
  if (single.payeeAccount !== undefined) {
    body.payeeAccount = { provider: single.payeeProvider, value: single.payeeAccount };
  }
  if (repeated.orderId) body.orderIds = repeated.orderId;

  const origins = new Map<string, string>();
  const identifiers: Record<string, string>[] = [];
  for (const [name, kind] of Object.entries(PARTY_FIELDS)) {
    const values = repeated[name] ?? [];
    values.forEach((value, index) => {
      const path = `reported[0].identifiers[${identifiers.length}]`;
      const formName = values.length > 1 ? `${name}[${index}]` : name;
      origins.set(`${path}.value`, formName);
      origins.set(path, formName);
      if (kind === 'payment_account') {
        origins.set(`${path}.provider`, 'paymentProvider');
        identifiers.push({
          kind,
          value,
          ...(single.paymentProvider ? { provider: single.paymentProvider } : {}),
        });
      } else {
        identifiers.push({ kind, value });
      }
    });
  }
  if (identifiers.length > 0) body.reported = [{ identifiers }];

  const renameField = (field: string): string => {
    const known =
      origins.get(field) ?? (Object.hasOwn(FIXED_NAMES, field) ? FIXED_NAMES[field] : undefined);
    if (known) return known;
    const orderId = /^orderIds\[(\d+)\]$/.exec(field);
    if (orderId) return (repeated.orderId?.length ?? 0) > 1 ? `orderId[${orderId[1]}]` : 'orderId';
    if (field.startsWith('reported')) return 'reported';
    return field;
  };
  return { ok: true, form: { body, renameField } };
}
