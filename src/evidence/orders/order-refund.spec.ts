import { wasRefunded } from './order-refund';

describe('whether an order was refunded', () => {
  it.each([
    ['a refund status', '退款成功', null, '交易成功', true],
    ['a refund that was asked for and closed', '退款关闭', null, null, true],
    ['an English refund status', 'Requested', null, null, true],
    ['a refund amount', null, '12.50', null, true],
    ['a status that says refund', null, null, 'Refunded', true],
    ['a Chinese status that says refund', null, null, '退款中', true],
    ['无退款', '无退款', null, '交易成功', false],
    ['没有申请退款', '没有申请退款', null, null, false],
    ['a dash', '—', null, null, false],
    ['a spreadsheet FALSE', 'FALSE', null, null, false],
    ['a zero refund amount', null, '0.00', '交易成功', false],
    ['nothing at all', null, null, 'Shipped', false],
  ])('%s → %s', (_what, refundStatus, refundAmount, status, refunded) => {
    expect(wasRefunded(refundStatus, refundAmount, status)).toBe(refunded);
  });
});
