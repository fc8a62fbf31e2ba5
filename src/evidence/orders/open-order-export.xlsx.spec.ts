import { Workbook } from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrderExport } from './open-order-export';
import {
  DEFAULT_ORDER_EXPORT_LIMITS,
  type OrderExportLimits,
  type ParsedRow,
} from './order-export';
import { OrderExportRejected } from './order-export-rejected';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TAOBAO_HEADER = [
  '订单编号',
  '买家会员名',
  '买家实际支付金额',
  '订单状态',
  '订单创建时间',
  '退款状态',
  '评价',
  '评价内容',
];

describe('opening an XLSX order export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-orders-xlsx-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Writes a workbook whose first sheet holds `rows`, as Excel would save it. */
  const workbookFile = async (
    rows: unknown[][],
    configure: (workbook: Workbook) => void = () => {},
  ): Promise<string> => {
    const workbook = new Workbook();
    configure(workbook);
    const sheet = workbook.addWorksheet('订单');
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn(5).numFmt = 'yyyy-mm-dd hh:mm:ss';
    workbook.addWorksheet('Other').addRow(['Order ID', 'not me']);
    const path = join(dir, `export-${Math.random()}.xlsx`);
    await workbook.xlsx.writeFile(path);
    return path;
  };

  const readAll = async (path: string, limits: Partial<OrderExportLimits> = {}) => {
    const opened = await openOrderExport(path, XLSX, { ...DEFAULT_ORDER_EXPORT_LIMITS, ...limits });
    const rows: ParsedRow[] = [];
    for await (const row of opened.rows) rows.push(row);
    return { layout: opened.layout, rows };
  };

  it('reads a Taobao export from the first worksheet', async () => {
    const path = await workbookFile([
      TAOBAO_HEADER,
      [
        '3318827765001',
        'tb_小明',
        50,
        '交易成功',
        new Date(Date.UTC(2026, 10, 18, 9, 30)),
        '无退款',
        '好评',
        '很好',
      ],
      [
        3318827765002,
        { richText: [{ text: 'tb_' }, { text: '买家' }] },
        '0.10',
        '交易关闭',
        '2026-11-19 10:00:00',
        '退款成功',
        null,
        null,
      ],
    ]);
    const { layout, rows } = await readAll(path);
    expect(layout).toBe('taobao');
    expect(rows).toEqual([
      {
        ok: true,
        record: {
          rowNumber: 2,
          orderId: '3318827765001',
          buyer: 'tb_小明',
          amount: '50',
          currency: 'CNY',
          orderedAt: new Date('2026-11-18T01:30:00Z'),
          status: '交易成功',
          refunded: false,
          refundAmount: null,
          rating: 5,
          reviewText: '很好',
        },
      },
      {
        ok: true,
        record: {
          rowNumber: 3,
          orderId: '3318827765002',
          buyer: 'tb_买家',
          amount: '0.10',
          currency: 'CNY',
          orderedAt: new Date('2026-11-19T02:00:00Z'),
          status: '交易关闭',
          refunded: true,
          refundAmount: null,
          rating: null,
          reviewText: null,
        },
      },
    ]);
  });

  it('reads dates of a workbook that counts from 1904', async () => {
    const path = await workbookFile(
      [TAOBAO_HEADER, ['1', 'b', 1, '交易成功', new Date(Date.UTC(2026, 10, 18, 9, 30))]],
      (workbook) => {
        workbook.properties.date1904 = true;
      },
    );
    const { rows } = await readAll(path);
    expect(rows).toEqual([
      {
        ok: true,
        record: expect.objectContaining({ orderedAt: new Date('2026-11-18T01:30:00Z') }),
      },
    ]);
  });

  it('takes ids Excel has rounded, and formulas without a result, for bad rows', async () => {
    const path = await workbookFile([
      ['Order ID', 'Customer', 'Amount'],
      ['3.31883E+12', 'a', 1],
      [3318827765001234, 'b', 2],
      [{ formula: 'HYPERLINK("http://evil.test","x")' }, 'c', 3],
      [
        { formula: 'A1', result: 'A-4' },
        { text: 'shop', hyperlink: 'http://evil.test' },
        { formula: 'C2*2', result: 8 },
      ],
      ['A-5', 'e', { formula: 'SUM(C2:C3)' }],
    ]);
    const { layout, rows } = await readAll(path);
    expect(layout).toBe('generic');
    expect(rows).toEqual([
      { ok: false, rowNumber: 2, reason: 'order number 3.31883E+12 was rounded by Excel' },
      { ok: false, rowNumber: 3, reason: 'order number 3318827765001234 was rounded by Excel' },
      {
        ok: false,
        rowNumber: 4,
        reason: expect.stringMatching(/^order number "=HYPERLINK.*is a formula$/),
      },
      { ok: true, record: expect.objectContaining({ orderId: 'A-4', buyer: 'shop', amount: '8' }) },
      { ok: false, rowNumber: 6, reason: 'amount "=SUM(C2:C3)" is not an amount' },
    ]);
  });

  it('keeps Chinese text whole however the parts inflate', async () => {
    const buyers = Array.from({ length: 6000 }, (_, index) => `买家${index}号测试用户`);
    const path = await workbookFile([
      ['订单号', '买家'],
      ...buyers.map((buyer, index) => [`A-${index}`, buyer]),
    ]);
    const { rows } = await readAll(path);
    expect(rows.map((row) => row.ok && row.record.buyer)).toEqual(buyers);
  });

  it('refuses an export with more data rows than the limit, once it gets there', async () => {
    const path = await workbookFile([['Order ID'], ['A-1'], ['A-2'], ['A-3']]);
    await expect(readAll(path, { maxRows: 2 })).rejects.toThrow(
      new OrderExportRejected('The export has more than 2 rows.'),
    );
  });

  it('refuses a worksheet without a column of order numbers', async () => {
    const path = await workbookFile([
      ['Customer', 'Total'],
      ['a', 1],
    ]);
    await expect(readAll(path)).rejects.toThrow(/^No column of order numbers was found/);
  });

  it('leaves Object.prototype alone whatever the cells are named', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const path = await workbookFile(
      [
        ['__proto__', 'constructor', 'prototype', 'Order ID', 'polluted'],
        ['{"polluted":1}', 'polluted', '__proto__', '__proto__', 'constructor'],
        ['__proto__', 'prototype', 'constructor', 'constructor', '__proto__'],
      ],
      (workbook) => {
        workbook.creator = '__proto__';
      },
    );
    const { rows } = await readAll(path);
    expect(rows.map((row) => row.ok && row.record.orderId)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
  });
});
