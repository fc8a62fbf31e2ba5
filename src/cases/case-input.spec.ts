import { CaseInputOptions, NormalizedCase, normalizeCaseInput } from './case-input';
import type { CreateCaseDto } from './case.dto';
import type { FieldError } from '../common/problem/problem-details';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const OPTIONS: CaseInputOptions = { now: NOW, defaultRegion: 'CN' };
const FIVE_MINUTES = 5 * 60 * 1000;

const BASE = { type: 'extortion', platform: 'taobao', title: 'Buyer wants 50 yuan' } as const;

/** A DTO as the validation pipe hands it over: shape and types already checked. */
const dtoOf = (extra: Record<string, unknown> = {}) => ({ ...BASE, ...extra }) as CreateCaseDto;

function normalized(extra: Record<string, unknown> = {}): NormalizedCase {
  const result = normalizeCaseInput(dtoOf(extra), OPTIONS);
  if (!result.ok) throw new Error(`expected the filing to pass: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function refusal(extra: Record<string, unknown>): FieldError[] {
  const result = normalizeCaseInput(dtoOf(extra), OPTIONS);
  if (result.ok) throw new Error('expected the filing to be refused');
  return result.errors;
}

const QQ_MESSAGE = 'is not a valid QQ number (5 to 11 digits, not starting with 0)';

describe('normalizeCaseInput', () => {
  it('fills in what a minimal filing leaves out', () => {
    expect(normalized()).toEqual({
      ...BASE,
      description: '',
      incidentAt: null,
      amountDemanded: null,
      amountPaid: null,
      demandChannel: null,
      payeeAccount: null,
      demandDeadline: null,
      orderIds: [],
      reported: [],
    });
  });

  it('keeps the scalar fields and reads the times as instants', () => {
    const value = normalized({
      description: 'Left one star',
      incidentAt: '2026-11-18T09:30:00Z',
      demandChannel: 'wechat',
      demandDeadline: '2026-11-21T09:30:00+08:00',
    });
    expect(value.description).toBe('Left one star');
    expect(value.incidentAt).toEqual(new Date('2026-11-18T09:30:00Z'));
    expect(value.demandChannel).toBe('wechat');
    expect(value.demandDeadline).toEqual(new Date('2026-11-21T01:30:00Z'));
  });

  describe('the incident time', () => {
    it.each([
      ['in the past', new Date(NOW.getTime() - 24 * 3600 * 1000)],
      ['now', NOW],
      ['a minute ahead (clock skew)', new Date(NOW.getTime() + 60 * 1000)],
      ['exactly five minutes ahead', new Date(NOW.getTime() + FIVE_MINUTES)],
    ])('accepts an incident %s', (_name, at) => {
      expect(normalized({ incidentAt: at.toISOString() }).incidentAt).toEqual(at);
    });

    it.each([
      ['just over five minutes ahead', new Date(NOW.getTime() + FIVE_MINUTES + 1)],
      ['a day ahead', new Date(NOW.getTime() + 24 * 3600 * 1000)],
      ['centuries ahead', new Date('2999-01-01T00:00:00Z')],
    ])('refuses an incident %s', (_name, at) => {
      expect(refusal({ incidentAt: at.toISOString() })).toEqual([
        { field: 'incidentAt', message: 'is in the future' },
      ]);
    });

    it('does not hold the demand deadline to the clock', () => {
      const deadline = new Date('2999-01-01T00:00:00Z');
      expect(normalized({ demandDeadline: deadline.toISOString() }).demandDeadline).toEqual(
        deadline,
      );
    });
  });

  describe('money', () => {
    it.each([
      [
        'the amount demanded, to the currency’s minor digits',
        { amountDemanded: { amount: '50', currency: 'cny' } },
        { amountDemanded: { amount: '50.00', currency: 'CNY' }, amountPaid: null },
      ],
      [
        'both amounts in one currency, whatever its case',
        {
          amountDemanded: { amount: '50', currency: 'CNY' },
          amountPaid: { amount: '20.5', currency: 'cny' },
        },
        {
          amountDemanded: { amount: '50.00', currency: 'CNY' },
          amountPaid: { amount: '20.50', currency: 'CNY' },
        },
      ],
      [
        'an amount paid alone',
        { amountPaid: { amount: '20', currency: 'USD' } },
        { amountDemanded: null, amountPaid: { amount: '20.00', currency: 'USD' } },
      ],
      [
        'nothing paid (zero) in CNY',
        { amountPaid: { amount: '0', currency: 'CNY' } },
        { amountDemanded: null, amountPaid: { amount: '0.00', currency: 'CNY' } },
      ],
      [
        'nothing paid written 0.00',
        {
          amountDemanded: { amount: '50', currency: 'CNY' },
          amountPaid: { amount: '0.00', currency: 'cny' },
        },
        {
          amountDemanded: { amount: '50.00', currency: 'CNY' },
          amountPaid: { amount: '0.00', currency: 'CNY' },
        },
      ],
      [
        'nothing paid written 000',
        { amountPaid: { amount: '000', currency: 'CNY' } },
        { amountDemanded: null, amountPaid: { amount: '0.00', currency: 'CNY' } },
      ],
      [
        'nothing paid in a currency without minor units',
        { amountPaid: { amount: '0', currency: 'JPY' } },
        { amountDemanded: null, amountPaid: { amount: '0', currency: 'JPY' } },
      ],
      [
        'nothing paid in a currency with three minor digits',
        { amountPaid: { amount: '0', currency: 'KWD' } },
        { amountDemanded: null, amountPaid: { amount: '0.000', currency: 'KWD' } },
      ],
      [
        'amounts as sellers write them, the currency from their signs',
        { amountDemanded: { amount: '￥50' }, amountPaid: { amount: '20块' } },
        {
          amountDemanded: { amount: '50.00', currency: 'CNY' },
          amountPaid: { amount: '20.00', currency: 'CNY' },
        },
      ],
      [
        'an amount with no currency on a CNY platform',
        { amountDemanded: { amount: '50.00' } },
        { amountDemanded: { amount: '50.00', currency: 'CNY' }, amountPaid: null },
      ],
      [
        'an amount with no currency on a USD platform',
        { platform: 'amazon', amountDemanded: { amount: '30' } },
        { amountDemanded: { amount: '30.00', currency: 'USD' }, amountPaid: null },
      ],
      [
        'dollars written on a CNY platform',
        { amountDemanded: { amount: '$30' } },
        { amountDemanded: { amount: '30.00', currency: 'USD' }, amountPaid: null },
      ],
    ])('accepts %s', (_name, extra, expected) => {
      expect(normalized(extra)).toEqual(expect.objectContaining(expected));
    });

    it.each([
      [
        'an amount whose sign disagrees with its currency',
        { amountDemanded: { amount: '$30', currency: 'CNY' } },
        [
          {
            field: 'amountDemanded.amount',
            message:
              'is written in USD but the currency given is CNY; write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
          },
        ],
      ],
      [
        'a range',
        { amountDemanded: { amount: '50-100元' } },
        [{ field: 'amountDemanded.amount', message: expect.stringMatching(/^is a range/) }],
      ],
      [
        'an amount without a currency where the platform has none',
        { platform: 'shopee', amountDemanded: { amount: '50' } },
        [
          {
            field: 'amountDemanded.currency',
            message:
              'is needed: the amount names none, and the platform has no usual currency; choose one, or write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
          },
        ],
      ],
      [
        'an amount paid written in another currency than the amount demanded',
        { amountDemanded: { amount: '¥50' }, amountPaid: { amount: '$5' } },
        [
          {
            field: 'amountPaid.amount',
            message: 'must be the currency of the amount demanded (CNY)',
          },
        ],
      ],
    ])('refuses %s, naming the field', (_name, extra, errors) => {
      expect(refusal(extra)).toEqual(errors);
    });

    it.each([
      [
        'a zero amount demanded',
        { amountDemanded: { amount: '0', currency: 'CNY' } },
        [{ field: 'amountDemanded.amount', message: 'must be greater than 0' }],
      ],
      [
        'a negative amount demanded',
        { amountDemanded: { amount: '-5', currency: 'CNY' } },
        [{ field: 'amountDemanded.amount', message: 'must be greater than 0' }],
      ],
      [
        'three decimals in CNY',
        { amountDemanded: { amount: '50.001', currency: 'CNY' } },
        [{ field: 'amountDemanded.amount', message: 'has more than 2 decimal places for CNY' }],
      ],
      [
        'decimals in JPY',
        { amountPaid: { amount: '10.5', currency: 'JPY' } },
        [{ field: 'amountPaid.amount', message: 'cannot have decimal places for JPY' }],
      ],
      [
        'a currency that does not exist',
        { amountDemanded: { amount: '5', currency: 'XYZ' } },
        [
          {
            field: 'amountDemanded.currency',
            message: 'is not a currency code such as CNY or USD',
          },
        ],
      ],
      [
        'a negative amount paid',
        { amountPaid: { amount: '-1', currency: 'CNY' } },
        [{ field: 'amountPaid.amount', message: expect.any(String) }],
      ],
      [
        'a zero amount paid in a currency that does not exist',
        { amountPaid: { amount: '0', currency: 'XYZ' } },
        [{ field: 'amountPaid.currency', message: 'is not a currency code such as CNY or USD' }],
      ],
      [
        'a zero amount paid with no currency',
        { amountPaid: { amount: '0', currency: '' } },
        [{ field: 'amountPaid.currency', message: 'is not a currency code such as CNY or USD' }],
      ],
      [
        'an amount written with an exponent',
        { amountDemanded: { amount: '5e1', currency: 'CNY' } },
        [
          {
            field: 'amountDemanded.amount',
            message:
              'cannot be read as an amount; write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
          },
        ],
      ],
      [
        'an amount paid in another currency than the amount demanded',
        {
          amountDemanded: { amount: '50', currency: 'CNY' },
          amountPaid: { amount: '5', currency: 'USD' },
        },
        [
          {
            field: 'amountPaid.currency',
            message: 'must be the currency of the amount demanded (CNY)',
          },
        ],
      ],
      [
        'a zero amount paid in another currency than the amount demanded',
        {
          amountDemanded: { amount: '50', currency: 'cny' },
          amountPaid: { amount: '0', currency: 'usd' },
        },
        [
          {
            field: 'amountPaid.currency',
            message: 'must be the currency of the amount demanded (CNY)',
          },
        ],
      ],
      [
        'two bad amounts, without a currency mismatch on top',
        {
          amountDemanded: { amount: '50', currency: 'XYZ' },
          amountPaid: { amount: '5.001', currency: 'USD' },
        },
        [
          {
            field: 'amountDemanded.currency',
            message: 'is not a currency code such as CNY or USD',
          },
          { field: 'amountPaid.amount', message: 'has more than 2 decimal places for USD' },
        ],
      ],
    ])('refuses %s', (_name, extra, errors) => {
      expect(refusal(extra)).toEqual(errors);
    });
  });

  describe('the payee account', () => {
    it('normalises it as a payment account of its provider', () => {
      expect(
        normalized({ payeeAccount: { provider: 'alipay', value: ' 138 0013 8000 ' } }).payeeAccount,
      ).toEqual({
        kind: 'payment_account',
        scope: 'alipay',
        value: '+8613800138000',
        display: '138 0013 8000',
      });
    });

    it('names the payee field when the account cannot be valid', () => {
      expect(refusal({ payeeAccount: { provider: 'alipay', value: 'nobody' } })).toEqual([
        {
          field: 'payeeAccount.value',
          message: 'is not a valid Alipay account (a phone number or an email address)',
        },
      ]);
    });

    it('names the provider when it is missing', () => {
      expect(refusal({ payeeAccount: { value: '13800138000' } })).toEqual([
        { field: 'payeeAccount.provider', message: 'is required for a payment account' },
      ]);
    });
  });

  describe('order ids', () => {
    it('normalises them and keeps each once, in its first place with its first spelling', () => {
      expect(normalized({ orderIds: ['ab-1234', '3318827765001', ' AB-1234 '] }).orderIds).toEqual([
        { kind: 'order_id', scope: '', value: 'AB-1234', display: 'ab-1234' },
        { kind: 'order_id', scope: '', value: '3318827765001', display: '3318827765001' },
      ]);
    });

    it('names the bad one by its index', () => {
      expect(refusal({ orderIds: ['3318827765001', 'x1', 'ok-1234', '#'] })).toEqual([
        {
          field: 'orderIds[1]',
          message: 'is not a valid order number (4 to 64 letters, digits, - or _)',
        },
        {
          field: 'orderIds[3]',
          message: 'is not a valid order number (4 to 64 letters, digits, - or _)',
        },
      ]);
    });
  });

  describe('reported parties', () => {
    const identifiersOf = (identifiers: Record<string, unknown>[], platform = 'taobao') =>
      normalized({ platform, reported: [{ identifiers }] }).reported[0].identifiers;

    it('canonicalises each identifier and keeps what the seller typed', () => {
      expect(
        identifiersOf([
          { kind: 'qq', value: ' 2847561923 ' },
          { kind: 'phone', value: '138 0013 8000' },
          { kind: 'email', value: ' Buyer@Example.COM ' },
          { kind: 'wechat', value: 'Buyer_888' },
          { kind: 'payment_account', value: 'payer@example.com', provider: 'paypal' },
        ]),
      ).toEqual([
        { kind: 'qq', scope: '', value: '2847561923', display: '2847561923' },
        { kind: 'phone', scope: '', value: '+8613800138000', display: '138 0013 8000' },
        { kind: 'email', scope: '', value: 'buyer@example.com', display: 'Buyer@Example.COM' },
        { kind: 'wechat', scope: '', value: 'buyer_888', display: 'Buyer_888' },
        {
          kind: 'payment_account',
          scope: 'paypal',
          value: 'payer@example.com',
          display: 'payer@example.com',
        },
      ]);
    });

    it.each([
      ['the case platform when it names none', undefined, 'jd', 'jd'],
      ['its own platform when it names one', 'taobao', 'jd', 'taobao'],
    ])('gives a platform account %s', (_name, platform, casePlatform, scope) => {
      expect(
        identifiersOf([{ kind: 'platform_account', value: '@Buyer_1', platform }], casePlatform),
      ).toEqual([{ kind: 'platform_account', scope, value: 'buyer_1', display: '@Buyer_1' }]);
    });

    it.each([
      [
        'two spellings of one QQ number',
        [
          { kind: 'qq', value: 'QQ: 2847561923' },
          { kind: 'qq', value: '2847561923' },
        ],
        [{ kind: 'qq', scope: '', value: '2847561923', display: 'QQ: 2847561923' }],
      ],
      [
        'two spellings of one phone number',
        [
          { kind: 'phone', value: '+86 138-0013-8000' },
          { kind: 'qq', value: '12345' },
          { kind: 'phone', value: '13800138000' },
        ],
        [
          { kind: 'phone', scope: '', value: '+8613800138000', display: '+86 138-0013-8000' },
          { kind: 'qq', scope: '', value: '12345', display: '12345' },
        ],
      ],
      [
        'a platform account with the case platform given and left out',
        [
          { kind: 'platform_account', value: 'tb_buyer', platform: 'taobao' },
          { kind: 'platform_account', value: 'TB_BUYER' },
        ],
        [{ kind: 'platform_account', scope: 'taobao', value: 'tb_buyer', display: 'tb_buyer' }],
      ],
    ])('keeps %s once, the first', (_name, identifiers, expected) => {
      expect(identifiersOf(identifiers)).toEqual(expected);
    });

    it.each([
      [
        'the same value on two platforms',
        [
          { kind: 'platform_account', value: 'buyer', platform: 'taobao' },
          { kind: 'platform_account', value: 'buyer', platform: 'jd' },
        ],
      ],
      [
        'the same value with two payment providers',
        [
          { kind: 'payment_account', value: '13800138000', provider: 'alipay' },
          { kind: 'payment_account', value: '13800138000', provider: 'wechat_pay' },
        ],
      ],
      [
        'the same digits as a QQ number and as a phone number',
        [
          { kind: 'qq', value: '13800138000' },
          { kind: 'phone', value: '13800138000' },
        ],
      ],
    ])('keeps apart %s', (_name, identifiers) => {
      expect(identifiersOf(identifiers)).toHaveLength(2);
    });

    it('deduplicates within a party, not across parties', () => {
      const value = normalized({
        reported: [
          { identifiers: [{ kind: 'qq', value: '2847561923' }] },
          { identifiers: [{ kind: 'qq', value: '2847561923' }] },
        ],
      });
      expect(value.reported.map((party) => party.identifiers.length)).toEqual([1, 1]);
    });

    it.each([
      [
        'a malformed QQ number',
        [{ identifiers: [{ kind: 'qq', value: '0123' }] }],
        [{ field: 'reported[0].identifiers[0].value', message: QQ_MESSAGE }],
      ],
      [
        'a malformed phone number',
        [{ identifiers: [{ kind: 'phone', value: '12' }] }],
        [
          {
            field: 'reported[0].identifiers[0].value',
            message: 'is not a valid phone number for region CN',
          },
        ],
      ],
      [
        'a malformed email',
        [{ identifiers: [{ kind: 'email', value: 'not-an-email' }] }],
        [{ field: 'reported[0].identifiers[0].value', message: 'is not a valid email address' }],
      ],
      [
        'a blank value',
        [{ identifiers: [{ kind: 'wechat', value: '   ' }] }],
        [{ field: 'reported[0].identifiers[0].value', message: 'must not be empty' }],
      ],
      [
        'a platform on another kind',
        [{ identifiers: [{ kind: 'qq', value: '12345', platform: 'taobao' }] }],
        [
          {
            field: 'reported[0].identifiers[0].platform',
            message: 'only applies to platform accounts',
          },
        ],
      ],
      [
        'a provider on another kind',
        [{ identifiers: [{ kind: 'email', value: 'a@b.cn', provider: 'alipay' }] }],
        [
          {
            field: 'reported[0].identifiers[0].provider',
            message: 'only applies to payment accounts',
          },
        ],
      ],
      [
        'a payment account without its provider',
        [{ identifiers: [{ kind: 'payment_account', value: '13800138000' }] }],
        [
          {
            field: 'reported[0].identifiers[0].provider',
            message: 'is required for a payment account',
          },
        ],
      ],
      [
        'bad identifiers in two parties, each by its own indices',
        [
          {
            identifiers: [
              { kind: 'qq', value: '12345' },
              { kind: 'qq', value: '0123' },
            ],
          },
          {
            identifiers: [
              { kind: 'phone', value: '13800138000' },
              { kind: 'email', value: 'a@b.cn' },
              { kind: 'qq', value: '1' },
            ],
          },
        ],
        [
          { field: 'reported[0].identifiers[1].value', message: QQ_MESSAGE },
          { field: 'reported[1].identifiers[2].value', message: QQ_MESSAGE },
        ],
      ],
      [
        'a bad identifier after a duplicate, by its index as sent',
        [
          {
            identifiers: [
              { kind: 'qq', value: '12345' },
              { kind: 'qq', value: '12345' },
              { kind: 'qq', value: '0123' },
            ],
          },
        ],
        [{ field: 'reported[0].identifiers[2].value', message: QQ_MESSAGE }],
      ],
    ])('refuses %s, naming the exact field', (_name, reported, errors) => {
      expect(refusal({ reported })).toEqual(errors);
    });
  });

  it('reports every failing rule at once', () => {
    expect(
      refusal({
        incidentAt: '2999-01-01T00:00:00Z',
        amountDemanded: { amount: '50.001', currency: 'CNY' },
        payeeAccount: { provider: 'bank', value: '12' },
        orderIds: ['x'],
        reported: [{ identifiers: [{ kind: 'qq', value: '0' }] }],
      }).map((error) => error.field),
    ).toEqual([
      'incidentAt',
      'amountDemanded.amount',
      'payeeAccount.value',
      'orderIds[0]',
      'reported[0].identifiers[0].value',
    ]);
  });
});
