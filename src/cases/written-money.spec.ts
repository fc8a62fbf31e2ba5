import { PLATFORM_CURRENCY } from '../common/platform-currency';
import { MoneyWritingOptions, readWrittenMoney, WRITTEN_MONEY_FORMS } from './written-money';

const ON_TAOBAO: MoneyWritingOptions = { defaultCurrency: 'CNY', allowZero: false };
const ON_SHOPEE: MoneyWritingOptions = { defaultCurrency: null, allowZero: false };
const FORMS = '50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30';

describe('readWrittenMoney', () => {
  it.each([
    ['¥50', 'CNY', '50.00', 'CNY', 'text'],
    ['￥50', 'CNY', '50.00', 'CNY', 'text'],
    ['50元', 'CNY', '50.00', 'CNY', 'text'],
    ['50 元', 'CNY', '50.00', 'CNY', 'text'],
    ['50块', 'CNY', '50.00', 'CNY', 'text'],
    ['50块钱', 'CNY', '50.00', 'CNY', 'text'],
    ['RMB 50', 'CNY', '50.00', 'CNY', 'text'],
    ['rmb50', 'CNY', '50.00', 'CNY', 'text'],
    ['人民币50元', 'CNY', '50.00', 'CNY', 'text'],
    ['CNY 50', 'CNY', '50.00', 'CNY', 'text'],
    ['50.00', 'CNY', '50.00', 'CNY', 'platform'],
    ['50', 'CNY', '50.00', 'CNY', 'platform'],
    ['５０元', 'CNY', '50.00', 'CNY', 'text'],
    ['¥1,200.50', 'CNY', '1200.50', 'CNY', 'text'],
    ['$30', 'CNY', '30.00', 'USD', 'text'],
    ['US$30', 'CNY', '30.00', 'USD', 'text'],
    ['USD 30', 'CNY', '30.00', 'USD', 'text'],
    ['30 usd', 'CNY', '30.00', 'USD', 'text'],
    ['30美元', 'CNY', '30.00', 'USD', 'text'],
    ['EUR 20', 'CNY', '20.00', 'EUR', 'text'],
    ['¥1000 JPY', 'CNY', '1000', 'JPY', 'text'],
    ['30', 'USD', '30.00', 'USD', 'platform'],
  ])(
    'reads %j (platform %s) as %s %s, the currency from the %s',
    (written, platform, amount, currency, from) => {
      expect(readWrittenMoney(written, { defaultCurrency: platform, allowZero: false })).toEqual({
        ok: true,
        amount,
        currency,
        currencyFrom: from,
      });
    },
  );

  it.each([
    ['50', 'USD', '50.00', 'USD'],
    ['¥50', 'cny', '50.00', 'CNY'],
    ['¥1000', 'JPY', '1000', 'JPY'],
    ['$30', 'HKD', '30.00', 'HKD'],
    ['50元', 'CNY', '50.00', 'CNY'],
  ])('reads %j with the currency field %s as %s %s', (written, field, amount, currency) => {
    expect(readWrittenMoney(written, { ...ON_TAOBAO, currency: field })).toEqual({
      ok: true,
      amount,
      currency,
      currencyFrom: 'field',
    });
  });

  it('takes the platform’s currency only when the amount and the field name none', () => {
    expect(readWrittenMoney('50', ON_SHOPEE)).toEqual({
      ok: false,
      field: 'currency',
      message:
        'is needed: the amount names none, and the platform has no usual currency; choose one, or write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
    });
    expect(readWrittenMoney('¥50', ON_SHOPEE)).toMatchObject({ ok: true, currency: 'CNY' });
    expect(readWrittenMoney('50', { ...ON_SHOPEE, currency: 'SGD' })).toMatchObject({
      ok: true,
      amount: '50.00',
      currency: 'SGD',
    });
  });

  it.each([
    [
      '$30',
      'CNY',
      'is written in USD but the currency given is CNY; write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
    ],
    [
      '¥50',
      'USD',
      'is written in CNY but the currency given is USD; write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
    ],
    [
      '50元',
      'JPY',
      'is written in CNY but the currency given is JPY; write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
    ],
    [
      'USD 30',
      'HKD',
      'is written in USD but the currency given is HKD; write one amount as 50.00, ¥50, ￥50, 50元, 50块, RMB 50, CNY 50, $30 or USD 30',
    ],
  ])('refuses %j when the currency field says %s', (written, field, message) => {
    expect(readWrittenMoney(written, { ...ON_TAOBAO, currency: field })).toEqual({
      ok: false,
      field: 'amount',
      message,
    });
  });

  it.each([
    ['50-100', 'is a range, not one amount'],
    ['50 - 100元', 'is a range, not one amount'],
    ['50~100', 'is a range, not one amount'],
    ['50到100块', 'is a range, not one amount'],
    ['五十', 'is written in Chinese numerals; write it in digits'],
    ['五十元', 'is written in Chinese numerals; write it in digits'],
    ['5万', 'is written in Chinese numerals; write it in digits'],
    ['1,2', 'has a comma that could be a decimal point or a thousands separator'],
    ['¥1,2345', 'has a comma that could be a decimal point or a thousands separator'],
    ['$50元', 'names two different currencies'],
    ['RMB 50 USD', 'names two different currencies'],
    ['50 XYZ', 'cannot be read as an amount'],
    ['5e1', 'cannot be read as an amount'],
    ['.5', 'cannot be read as an amount'],
    ['5.', 'cannot be read as an amount'],
    ['1.2.3', 'cannot be read as an amount'],
    ['', 'cannot be read as an amount'],
    ['fifty', 'cannot be read as an amount'],
    ['50元 or 100元', 'cannot be read as an amount'],
  ])('refuses %j, saying why and listing the accepted forms', (written, why) => {
    expect(readWrittenMoney(written, ON_TAOBAO)).toEqual({
      ok: false,
      field: 'amount',
      message: `${why}; write one amount as ${FORMS}`,
    });
  });

  it.each([
    ['¥0', 'must be greater than 0'],
    ['-5', 'must be greater than 0'],
    ['¥-5', 'must be greater than 0'],
    ['50.001元', 'has more than 2 decimal places for CNY'],
    ['1000000000000', 'must have at most 12 digits before the decimal point'],
  ])('holds %j to the money rules: %s', (written, message) => {
    expect(readWrittenMoney(written, ON_TAOBAO)).toEqual({ ok: false, field: 'amount', message });
  });

  it('takes nothing paid, in the currency it names, but not less than nothing', () => {
    const paid = { ...ON_TAOBAO, allowZero: true };
    expect(readWrittenMoney('0', paid)).toMatchObject({ ok: true, amount: '0.00' });
    expect(readWrittenMoney('$0', paid)).toMatchObject({
      ok: true,
      amount: '0.00',
      currency: 'USD',
    });
    expect(readWrittenMoney('0', { ...paid, currency: 'JPY' })).toMatchObject({ amount: '0' });
    expect(readWrittenMoney('-1元', paid)).toEqual({
      ok: false,
      field: 'amount',
      message: 'must not be negative',
    });
  });

  it('refuses a currency field that is no currency before reading the amount', () => {
    expect(readWrittenMoney('五十', { ...ON_TAOBAO, currency: 'XYZ' })).toEqual({
      ok: false,
      field: 'currency',
      message: 'is not a currency code such as CNY or USD',
    });
  });

  it('reads every accepted form it lists', () => {
    for (const form of WRITTEN_MONEY_FORMS) {
      expect(readWrittenMoney(form, ON_TAOBAO)).toMatchObject({ ok: true });
    }
  });
});

describe('PLATFORM_CURRENCY', () => {
  it('gives the Chinese marketplaces CNY, the western ones USD, and the rest none', () => {
    expect(PLATFORM_CURRENCY).toEqual({
      taobao: 'CNY',
      tmall: 'CNY',
      jd: 'CNY',
      pinduoduo: 'CNY',
      douyin: 'CNY',
      amazon: 'USD',
      ebay: 'USD',
      etsy: 'USD',
      shopee: null,
      aliexpress: null,
      other: null,
    });
  });
});
