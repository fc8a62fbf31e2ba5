import type { CountryCode } from 'libphonenumber-js';
import type { Platform } from '../common/platform';
import type { FieldError } from '../common/problem/problem-details';
import type { DemandChannel } from './case-status';
import type { CaseType } from './case-type';
import type { CreateCaseDto, MoneyInputDto } from './case.dto';
import {
  NormalizedIdentifier,
  normalizeIdentifier,
  uniqueIdentifiers,
} from '../identifiers/normalize-identifier';
import { readWrittenMoney } from './written-money';
import { PLATFORM_CURRENCY } from '../common/platform-currency';

/** Clocks of phones and servers disagree; an incident this far ahead is still "now". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface Money {
  amount: string;
  currency: string;
}

/** A filing after every rule has passed: canonical identifiers, exact money. */
export interface NormalizedCase {
  type: CaseType;
  platform: Platform;
  title: string;
  description: string;
  incidentAt: Date | null;
  amountDemanded: Money | null;
  amountPaid: Money | null;
  demandChannel: DemandChannel | null;
  payeeAccount: NormalizedIdentifier | null;
  demandDeadline: Date | null;
  orderIds: NormalizedIdentifier[];
  reported: { identifiers: NormalizedIdentifier[] }[];
}

export type CaseInputResult =
  { ok: true; value: NormalizedCase } | { ok: false; errors: FieldError[] };

export interface CaseInputOptions {
  now: Date;
  defaultRegion: CountryCode;
}

/**
 * The rules a well-formed filing must still pass (422 when it does not), each failure naming the
 * exact field. Shape and types were checked before, by the DTO.
 */
export function normalizeCaseInput(dto: CreateCaseDto, options: CaseInputOptions): CaseInputResult {
  const errors: FieldError[] = [];
  const identifierOf = (
    field: string,
    input: Parameters<typeof normalizeIdentifier>[0],
  ): NormalizedIdentifier | undefined => {
    const result = normalizeIdentifier(input, { defaultRegion: options.defaultRegion });
    if (result.ok) return result.identifier;
    errors.push({ field: `${field}.${result.field}`, message: result.message });
    return undefined;
  };
  const defaultCurrency = PLATFORM_CURRENCY[dto.platform];
  const moneyOf = (field: string, money: MoneyInputDto | undefined, allowZero: boolean) => {
    if (!money) return null;
    const result = readWrittenMoney(money.amount, {
      currency: money.currency,
      defaultCurrency,
      allowZero,
    });
    if (result.ok) return result;
    errors.push({ field: `${field}.${result.field}`, message: result.message });
    return null;
  };

  const incidentAt = dto.incidentAt ? new Date(dto.incidentAt) : null;
  if (incidentAt && incidentAt.getTime() > options.now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ field: 'incidentAt', message: 'is in the future' });
  }
  const amountDemanded = moneyOf('amountDemanded', dto.amountDemanded, false);
  const amountPaid = moneyOf('amountPaid', dto.amountPaid, true);
  if (amountDemanded && amountPaid && amountDemanded.currency !== amountPaid.currency) {
    errors.push({
      // A currency the seller wrote with the amount is refused where they wrote it.
      field: amountPaid.currencyFrom === 'text' ? 'amountPaid.amount' : 'amountPaid.currency',
      message: `must be the currency of the amount demanded (${amountDemanded.currency})`,
    });
  }
  const payeeAccount = dto.payeeAccount
    ? (identifierOf('payeeAccount', { kind: 'payment_account', ...dto.payeeAccount }) ?? null)
    : null;
  const orderIds = (dto.orderIds ?? []).flatMap((value, index) => {
    const result = normalizeIdentifier(
      { kind: 'order_id', value },
      { defaultRegion: options.defaultRegion },
    );
    if (result.ok) return [result.identifier];
    errors.push({ field: `orderIds[${index}]`, message: result.message });
    return [];
  });
  const reported = (dto.reported ?? []).map((party, partyIndex) => ({
    identifiers: party.identifiers.flatMap((identifier, index) => {
      const platform =
        identifier.kind === 'platform_account'
          ? (identifier.platform ?? dto.platform)
          : identifier.platform;
      const normalized = identifierOf(`reported[${partyIndex}].identifiers[${index}]`, {
        ...identifier,
        platform,
      });
      return normalized ? [normalized] : [];
    }),
  }));

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      type: dto.type,
      platform: dto.platform,
      title: dto.title,
      description: dto.description ?? '',
      incidentAt,
      amountDemanded: amountDemanded && moneyOnly(amountDemanded),
      amountPaid: amountPaid && moneyOnly(amountPaid),
      demandChannel: dto.demandChannel ?? null,
      payeeAccount,
      demandDeadline: dto.demandDeadline ? new Date(dto.demandDeadline) : null,
      orderIds: uniqueIdentifiers(orderIds),
      reported: reported.map((party) => ({ identifiers: uniqueIdentifiers(party.identifiers) })),
    },
  };
}

function moneyOnly({ amount, currency }: Money): Money {
  return { amount, currency };
}
