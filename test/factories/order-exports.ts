import iconv from 'iconv-lite';

export const TAOBAO_EXPORT_HEADER =
  '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,退款状态,退款金额';

/** A Taobao back-office order export as the seller downloads it: CSV in GBK, CRLF lines. */
export function taobaoGbkExport(rows: string[]): Buffer {
  return iconv.encode([TAOBAO_EXPORT_HEADER, ...rows].map((row) => `${row}\r\n`).join(''), 'gbk');
}
