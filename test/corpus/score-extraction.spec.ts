import type { Distractor, ExpectedIdentifier } from './manifest';
import { countsOf, precisionOf, recallOf, scoreReading } from './score-extraction';

const shown = {
  identifiers: [
    { kind: 'qq', value: '2847561932' },
    { kind: 'phone', value: '+8613812345678' },
    { kind: 'payment_account', provider: 'alipay', value: '+8613812345678' },
  ] satisfies ExpectedIdentifier[],
  amounts: ['500.00'],
  distractors: [
    { kind: 'order_id', text: '202612345678901234' },
    { kind: 'timestamp', text: '14:32' },
  ] satisfies Distractor[],
};

const qq = { kind: 'qq', scope: '', value: '2847561932' };
const phone = { kind: 'phone', scope: '', value: '+8613812345678' };
const alipay = { kind: 'payment_account', scope: 'alipay', value: '+8613812345678' };

describe('scoreReading', () => {
  it('matches identifiers by kind, wallet and canonical value, and amounts by sum', () => {
    const score = scoreReading(shown, { identifiers: [qq, phone, alipay], amounts: ['500.00'] });

    expect(score.matched.sort()).toEqual([
      'alipay +8613812345678',
      'amount 500.00',
      'phone +8613812345678',
      'qq 2847561932',
    ]);
    expect(score.missed).toEqual([]);
    expect(score.invented).toEqual([]);
  });

  it('counts a payment account of another wallet as missed and invented', () => {
    const wechatPay = { ...alipay, scope: 'wechat_pay' };

    const score = scoreReading(shown, { identifiers: [qq, phone, wechatPay], amounts: [] });

    expect(score.missed).toEqual(['alipay +8613812345678', 'amount 500.00']);
    expect(score.invented).toEqual(['wechat_pay +8613812345678']);
  });

  it('tells an identifier read from an order id or a timestamp from any other invention', () => {
    const fromOrderId = { kind: 'qq', scope: '', value: '1234567890' };
    const holdingTime = { kind: 'qq', scope: '', value: '9914321' };
    const unrelated = { kind: 'wechat', scope: '', value: 'someone_else' };

    const score = scoreReading(shown, {
      identifiers: [qq, phone, alipay, fromOrderId, holdingTime, unrelated],
      amounts: ['500.00', '14.32'],
    });

    expect(score.invented).toEqual([
      'qq 1234567890',
      'qq 9914321',
      'wechat someone_else',
      'amount 14.32',
    ]);
    expect(score.inventedFromDistractors).toEqual(['qq 1234567890', 'qq 9914321']);
  });
});

describe('countsOf', () => {
  const scores = [
    scoreReading(shown, { identifiers: [qq, phone], amounts: ['50.00'] }),
    scoreReading(shown, { identifiers: [qq, { ...qq, value: '123456' }], amounts: [] }),
  ];

  it('totals one label', () => {
    expect(countsOf(scores, 'qq')).toEqual({ expected: 2, found: 3, matched: 2 });
    expect(countsOf(scores, 'amount')).toEqual({ expected: 2, found: 1, matched: 0 });
  });

  it('totals every identifier label but leaves amounts out', () => {
    expect(countsOf(scores)).toEqual({ expected: 6, found: 4, matched: 3 });
  });

  it('gives recall and precision, each 1 when there is nothing to count', () => {
    expect(recallOf({ expected: 4, found: 2, matched: 2 })).toBe(0.5);
    expect(precisionOf({ expected: 4, found: 3, matched: 2 })).toBeCloseTo(2 / 3);
    expect(recallOf({ expected: 0, found: 1, matched: 0 })).toBe(1);
    expect(precisionOf({ expected: 1, found: 0, matched: 0 })).toBe(1);
  });
});
