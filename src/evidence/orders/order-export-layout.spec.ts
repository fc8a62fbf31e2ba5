import { detectOrderExportLayout, normaliseHeader } from './order-export-layout';

describe('choosing an export’s layout by its header', () => {
  it('takes Taobao’s headers, ignoring columns it does not know', () => {
    const match = detectOrderExportLayout([
      '订单编号',
      '买家会员名',
      '买家应付货款',
      '买家实际支付金额',
      '订单状态',
      '订单付款时间',
      '订单创建时间',
      '收货人姓名',
      '退款金额',
    ]);
    expect(match).toMatchObject({
      layout: 'taobao',
      impliedCurrency: 'CNY',
      columns: {
        orderId: [0],
        buyer: [1],
        amount: [3],
        status: [4],
        orderedAt: [6, 5],
        refundAmount: [8],
        refundStatus: [],
        rating: [],
      },
    });
  });

  it('takes Amazon’s report by amazon-order-id', () => {
    const match = detectOrderExportLayout([
      'amazon-order-id',
      'purchase-date',
      'order-status',
      'currency',
      'item-price',
      'buyer-name',
      'buyer-email',
    ]);
    expect(match).toMatchObject({
      layout: 'amazon',
      impliedCurrency: null,
      columns: {
        orderId: [0],
        orderedAt: [1],
        status: [2],
        currency: [3],
        amount: [4],
        buyer: [6, 5],
      },
    });
    expect(match?.signCurrencies.get('US$')).toBe('USD');
  });

  it.each([['Order ID'], ['order_id'], ['  "Order Number" '], ['\uFEFForder-id'], ['订单号']])(
    'takes a generic export by %j',
    (orderIdHeader) => {
      expect(detectOrderExportLayout([orderIdHeader, 'Stars'])).toMatchObject({
        layout: 'generic',
        columns: { orderId: [0], rating: [1] },
      });
    },
  );

  it('prefers the earlier synonym and the first of two equal headers', () => {
    const match = detectOrderExportLayout([
      'Order Number',
      'Order ID',
      'Total',
      'Amount',
      'amount',
    ]);
    expect(match?.columns).toMatchObject({ orderId: [1, 0], amount: [3, 2] });
  });

  it('finds no layout without an order-id column', () => {
    expect(detectOrderExportLayout(['Customer', 'Total', 'Date'])).toBeUndefined();
  });

  it('treats __proto__ and constructor as plain header names', () => {
    const match = detectOrderExportLayout(['__proto__', 'constructor', 'Order ID', 'prototype']);
    expect(match?.columns.orderId).toEqual([2]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['\uFEFF"Order ID"', 'order id'],
    [" 'Created_At' ", 'created at'],
    ['amazon-order-id', 'amazon order id'],
    [null, ''],
  ])('normalises %j to %j', (cell, name) => {
    expect(normaliseHeader(cell)).toBe(name);
  });
});
