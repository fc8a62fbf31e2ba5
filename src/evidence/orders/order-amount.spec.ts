import { isPositiveAmount, readAmount } from './order-amount';

describe('reading an amount', () => {
  it.each([
    ['50.00', '50.00', null],
    ['0.10', '0.10', null],
    ['¥0.10', '0.10', '¥'],
    ['￥1,234.50', '1234.50', '￥'],
    ['US$12.99', '12.99', 'US$'],
    ['$ 1,000,000', '1000000', '$'],
    ['-$5.00', '-5.00', '$'],
    ['$-5.00', '-5.00', '$'],
    ['50.00元', '50.00', null],
    ['50.00 CNY', '50.00', null],
    ['EUR 7', '7', 'EUR'],
    ['.5', '0.5', null],
    [' 12 ', '12', null],
  ])('reads %j as %j', (cell, amount, currencySign) => {
    expect(readAmount(cell, 'amount')).toEqual({ ok: true, amount, currencySign });
  });

  it('reads a spreadsheet number by its shortest exact text', () => {
    expect(readAmount(0.1, 'amount')).toEqual({ ok: true, amount: '0.1', currencySign: null });
  });

  it.each([null, '', '  '])('takes %j for no amount', (cell) => {
    expect(readAmount(cell, 'amount')).toEqual({ ok: true, amount: null, currencySign: null });
  });

  it.each(['abc', '12,5', '1.234,50', '1e5', '=SUM(A1)', '12.', '--5', '-$-5', 1e21])(
    'refuses %j',
    (cell) => {
      const reading = readAmount(cell, 'refund amount');
      expect(reading).toEqual({
        ok: false,
        reason: expect.stringMatching(/^refund amount ".*" is not an amount$/),
      });
    },
  );

  it.each([
    ['0.01', true],
    ['12', true],
    ['0.00', false],
    ['0', false],
    ['-3.00', false],
    [null, false],
  ])('takes %j for positive: %s', (amount, positive) => {
    expect(isPositiveAmount(amount)).toBe(positive);
  });
});
