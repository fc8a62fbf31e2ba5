import iconv from 'iconv-lite';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrderExport } from './open-order-export';
import {
  DEFAULT_ORDER_EXPORT_LIMITS,
  type OrderExportLimits,
  type ParsedRow,
} from './order-export';
import { OrderExportRejected } from './order-export-rejected';

const TEXT = 'text/plain';

const TAOBAO_CSV = [
  '订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,宝贝标题,收货人姓名,联系手机',
  '="3318827765001",tb_小明,50.00,50.00,交易成功,2026-11-18 09:30:00,2026-11-18 09:31:02,0.00,手机壳,王小明,138****0000',
  '\t3318827765002,tb_buyer2,"1,280.00","1,280.00",交易关闭,,2026-11-19 10:00:00,"1,280.00",耳机,李四,139****0000',
  '',
].join('\r\n');

describe('opening a text order export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-orders-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const exportFile = async (bytes: Buffer | string): Promise<string> => {
    const path = join(dir, `export-${Math.random()}`);
    await writeFile(path, bytes);
    return path;
  };

  const readAll = async (bytes: Buffer | string, limits: Partial<OrderExportLimits> = {}) => {
    const opened = await openOrderExport(await exportFile(bytes), TEXT, {
      ...DEFAULT_ORDER_EXPORT_LIMITS,
      ...limits,
    });
    const rows: ParsedRow[] = [];
    for await (const row of opened.rows) rows.push(row);
    return { layout: opened.layout, rows };
  };

  const taobaoRecords = [
    {
      ok: true,
      record: {
        rowNumber: 2,
        orderId: '3318827765001',
        buyer: 'tb_小明',
        amount: '50.00',
        currency: 'CNY',
        orderedAt: new Date('2026-11-18T01:30:00Z'),
        status: '交易成功',
        refunded: false,
        refundAmount: '0.00',
        rating: null,
        reviewText: null,
      },
    },
    {
      ok: true,
      record: {
        rowNumber: 3,
        orderId: '3318827765002',
        buyer: 'tb_buyer2',
        amount: '1280.00',
        currency: 'CNY',
        orderedAt: new Date('2026-11-19T02:00:00Z'),
        status: '交易关闭',
        refunded: true,
        refundAmount: '1280.00',
        rating: null,
        reviewText: null,
      },
    },
  ];

  it('reads a Taobao export in GBK', async () => {
    const { layout, rows } = await readAll(iconv.encode(TAOBAO_CSV, 'gbk'));
    expect(layout).toBe('taobao');
    expect(rows).toEqual(taobaoRecords);
  });

  it('reads a Taobao export in UTF-8 with a BOM', async () => {
    const { layout, rows } = await readAll(`\uFEFF${TAOBAO_CSV}`);
    expect(layout).toBe('taobao');
    expect(rows).toEqual(taobaoRecords);
  });

  it('reads an Amazon All Orders report, one row per item', async () => {
    const report = [
      'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tproduct-name\titem-status\tquantity\tcurrency\titem-price\tbuyer-email\tbuyer-name',
      '114-3941689-8772232\t\t2026-11-18T09:30:00+00:00\t2026-11-19T10:00:00+00:00\tShipped\tPhone case\tShipped\t1\tUSD\t12.99\tabc@marketplace.amazon.com\tJane Doe',
      '114-3941689-8772232\t\t2026-11-18T09:30:00+00:00\t2026-11-19T10:00:00+00:00\tShipped\tCable\tShipped\t2\tUSD\t0.10\tabc@marketplace.amazon.com\tJane Doe',
      '114-0000000-0000001\t\t2026-11-20T23:15:00-08:00\t\tCancelled\tCharger\tCancelled\t1\t\tUS$7.50\t\tJohn Roe',
    ].join('\n');
    const { layout, rows } = await readAll(report);
    expect(layout).toBe('amazon');
    expect(rows.map((row) => row.ok && row.record)).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        orderId: '114-3941689-8772232',
        buyer: 'abc@marketplace.amazon.com',
        amount: '12.99',
        currency: 'USD',
        orderedAt: new Date('2026-11-18T09:30:00Z'),
        status: 'Shipped',
        refunded: false,
      }),
      expect.objectContaining({ rowNumber: 3, orderId: '114-3941689-8772232', amount: '0.10' }),
      expect.objectContaining({
        rowNumber: 4,
        buyer: 'John Roe',
        amount: '7.50',
        currency: 'USD',
        orderedAt: new Date('2026-11-21T07:15:00Z'),
        status: 'Cancelled',
      }),
    ]);
  });

  it('reads a generic export with ratings, reviews and refunds', async () => {
    const csv = [
      'Order ID,Customer,Total,Currency,Order Date,Status,Rating,Review,Refund Status',
      'A-1,jane@example.com,0.10,usd,2026-11-18 09:30,Delivered,5,"Great, thanks",',
      'A-2,陈,12.00,,2026-11-18T09:30:00-05:00,Delivered,差评,"Broke in a day",Requested',
      'A-3,bob,7,EUR,,Refunded,,,',
    ].join('\n');
    const { layout, rows } = await readAll(csv);
    expect(layout).toBe('generic');
    expect(rows).toEqual([
      {
        ok: true,
        record: {
          rowNumber: 2,
          orderId: 'A-1',
          buyer: 'jane@example.com',
          amount: '0.10',
          currency: 'USD',
          orderedAt: new Date('2026-11-18T01:30:00Z'),
          status: 'Delivered',
          refunded: false,
          refundAmount: null,
          rating: 5,
          reviewText: 'Great, thanks',
        },
      },
      {
        ok: true,
        record: expect.objectContaining({
          orderId: 'A-2',
          currency: null,
          orderedAt: new Date('2026-11-18T14:30:00Z'),
          rating: 1,
          refunded: true,
        }),
      },
      {
        ok: true,
        record: expect.objectContaining({
          orderId: 'A-3',
          orderedAt: null,
          rating: null,
          refunded: true,
        }),
      },
    ]);
  });

  it('counts bad rows in their places while good rows go on', async () => {
    const csv = [
      'Order ID,Customer,Amount,Date',
      'A-1,ann,1.00,2026-11-18',
      ',ben,2.00,2026-11-18',
      '3.31883E+12,cat,3.00,2026-11-18',
      'A-4,dan,abc,2026-11-18',
      'A-5,eve,5.00,yesterday',
      'A-6,fay,6.00',
      '"A-7","gus\nand kim",7.00,2026-11-18',
      '',
      'A-8,hal,8.00,2026-11-18',
    ].join('\n');
    const { rows } = await readAll(csv);
    expect(
      rows.map((row) => (row.ok ? row.record.rowNumber : [row.rowNumber, row.reason])),
    ).toEqual([
      2,
      [3, 'no order number'],
      [4, 'order number 3.31883E+12 was rounded by Excel'],
      [5, 'amount "abc" is not an amount'],
      [6, 'order time "yesterday" is not a date'],
      [7, '3 columns where the header has 4'],
      8,
      11,
    ]);
  });

  it('keeps =HYPERLINK cells as text and refuses one as an order number', async () => {
    const csv = [
      'Order ID,Customer,Review',
      'A-1,"=HYPERLINK(""http://evil.test"",""click"")",=1+1',
      '"=HYPERLINK(""http://evil.test"",""A-2"")",bob,',
    ].join('\n');
    const { rows } = await readAll(csv);
    expect(rows).toEqual([
      {
        ok: true,
        record: expect.objectContaining({
          buyer: '=HYPERLINK("http://evil.test","click")',
          reviewText: '=1+1',
        }),
      },
      { ok: false, rowNumber: 3, reason: expect.stringContaining('is a formula') },
    ]);
  });

  it('refuses an export with more data rows than the limit, once it gets there', async () => {
    const csv = ['Order ID', 'A-1', 'A-2', '', 'A-3', 'A-4'].join('\n');
    const opened = await openOrderExport(await exportFile(csv), TEXT, {
      ...DEFAULT_ORDER_EXPORT_LIMITS,
      maxRows: 3,
    });
    const seen: ParsedRow[] = [];
    const reading = (async () => {
      for await (const row of opened.rows) seen.push(row);
    })();
    await expect(reading).rejects.toThrow(
      new OrderExportRejected('The export has more than 3 rows.'),
    );
    expect(seen).toHaveLength(3);
  });

  it('refuses an export without a column of order numbers', async () => {
    await expect(readAll('Customer,Total\nann,1.00\n')).rejects.toThrow(
      /^No column of order numbers was found/,
    );
  });

  it('refuses an empty export', async () => {
    await expect(readAll('\n\n')).rejects.toThrow(new OrderExportRejected('The export is empty.'));
  });

  it('refuses text whose encoding changes after the part it was judged by', async () => {
    const utf8Head = `Order ID,Customer\n${'A-1,ann\n'.repeat(10_000)}`;
    const bytes = Buffer.concat([Buffer.from(utf8Head), iconv.encode('A-2,小明\n', 'gbk')]);
    await expect(readAll(bytes)).rejects.toThrow(/not UTF-8 throughout/);
  });

  it('refuses a row that runs on past 1 MB, as a quote left open does', async () => {
    const csv = `Order ID,Customer\nA-1,"${'x'.repeat(1_100_000)}\n`;
    await expect(readAll(csv)).rejects.toThrow(/longer than 1 MB/);
  });

  it('refuses a file that is no order export', async () => {
    await expect(
      openOrderExport(await exportFile('%PDF-1.7'), 'application/pdf', DEFAULT_ORDER_EXPORT_LIMITS),
    ).rejects.toBeInstanceOf(OrderExportRejected);
  });
});
