import type { CellValue } from './export-row';
import type { OrderExportLayout } from './order-export';

export type OrderField =
  | 'orderId'
  | 'buyer'
  | 'amount'
  | 'currency'
  | 'orderedAt'
  | 'status'
  | 'refundStatus'
  | 'refundAmount'
  | 'rating'
  | 'reviewText';

interface LayoutDefinition {
  layout: OrderExportLayout;
  /**
   * Headers, in the form normaliseHeader gives, that name each field, the preferred first; a row
   * takes a field from the first of its columns that is not empty. The layout is chosen when one
   * of its order-id headers is present.
   */
  headers: Partial<Record<OrderField, readonly string[]>> & { orderId: readonly string[] };
  /** The currency every amount is in, when the export's origin settles it. */
  impliedCurrency?: string;
  /** Currencies of the signs amounts are written with, when the export's origin settles them. */
  signCurrencies?: ReadonlyMap<string, string>;
}

/** Columns of each field, the preferred first; empty when the export has none. */
export type OrderColumns = Readonly<Record<OrderField, readonly number[]>>;

export interface LayoutMatch {
  layout: OrderExportLayout;
  columns: OrderColumns;
  impliedCurrency: string | null;
  signCurrencies: ReadonlyMap<string, string>;
}

const TAOBAO: LayoutDefinition = {
  layout: 'taobao',
  headers: {
    orderId: ['订单编号'],
    buyer: ['买家会员名'],
    amount: ['买家实际支付金额'],
    orderedAt: ['订单创建时间', '订单付款时间'],
    status: ['订单状态'],
    refundStatus: ['退款状态'],
    refundAmount: ['退款金额'],
    rating: ['评价'],
    reviewText: ['评价内容'],
  },
  impliedCurrency: 'CNY',
};

const AMAZON: LayoutDefinition = {
  layout: 'amazon',
  headers: {
    orderId: ['amazon order id'],
    buyer: ['buyer email', 'buyer name'],
    amount: ['item price'],
    currency: ['currency'],
    orderedAt: ['purchase date'],
    status: ['order status'],
  },
  // Amazon marketplaces each print one currency with these signs; ¥ is amazon.co.jp's.
  signCurrencies: new Map([
    ['$', 'USD'],
    ['US$', 'USD'],
    ['CA$', 'CAD'],
    ['€', 'EUR'],
    ['£', 'GBP'],
    ['¥', 'JPY'],
    ['￥', 'JPY'],
  ]),
};

const GENERIC: LayoutDefinition = {
  layout: 'generic',
  headers: {
    orderId: ['order id', 'order number', 'order no', 'order no.', 'order #', '订单号', '订单编号'],
    buyer: [
      'buyer',
      'customer',
      'buyer name',
      'customer name',
      'buyer email',
      'customer email',
      '买家',
    ],
    amount: [
      'amount',
      'total',
      'order total',
      'total amount',
      'price',
      '金额',
      '订单金额',
      '实付金额',
    ],
    currency: ['currency', 'currency code', '币种', '货币'],
    orderedAt: [
      'time',
      'date',
      'order date',
      'order time',
      'created at',
      'purchase date',
      '下单时间',
    ],
    status: ['status', 'order status', '状态', '订单状态'],
    refundStatus: ['refund', 'refund status', '退款', '退款状态'],
    refundAmount: ['refund amount', '退款金额'],
    rating: ['rating', 'stars', '评分', '评价'],
    reviewText: ['review', 'review text', 'comment', '评价内容'],
  },
};

/** Most specific first: a Taobao export would also pass for a generic one. */
const LAYOUTS = [TAOBAO, AMAZON, GENERIC];

const FIELDS: readonly OrderField[] = [
  'orderId',
  'buyer',
  'amount',
  'currency',
  'orderedAt',
  'status',
  'refundStatus',
  'refundAmount',
  'rating',
  'reviewText',
];

/** A header cell as layouts name it: no BOM, quotes or case, and "order_id" = "Order-ID". */
export function normaliseHeader(cell: CellValue): string {
  return String(cell ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** The layout of a header row and the columns of each field; undefined without order ids. */
export function detectOrderExportLayout(header: readonly CellValue[]): LayoutMatch | undefined {
  // A Map, never an object, as the names come from the file: "__proto__" is just a name.
  const columnOf = new Map<string, number>();
  header.forEach((cell, column) => {
    const name = normaliseHeader(cell);
    if (name !== '' && !columnOf.has(name)) columnOf.set(name, column);
  });
  const definition = LAYOUTS.find(({ headers }) =>
    headers.orderId.some((name) => columnOf.has(name)),
  );
  if (!definition) return undefined;
  const columns = {} as Record<OrderField, number[]>;
  for (const field of FIELDS) {
    columns[field] = (definition.headers[field] ?? []).flatMap((name) => {
      const column = columnOf.get(name);
      return column === undefined ? [] : [column];
    });
  }
  return {
    layout: definition.layout,
    columns,
    impliedCurrency: definition.impliedCurrency ?? null,
    signCurrencies: definition.signCurrencies ?? new Map(),
  };
}
