import { extractIdentifiers } from './extract-identifiers';

/** Each identifier found as "kind scope value", sorted: what a label form must yield. */
function found(text: string): string[] {
  return extractIdentifiers(text, { defaultRegion: 'CN' })
    .map(({ identifier: { kind, scope, value } }) => [kind, scope, value].filter(Boolean).join(' '))
    .sort();
}

// A label then its value: glued, after a colon of either width with or without spaces, or a space.
const SEPARATORS = ['', ':', '：', ': ', '： ', ' '];
// Latin labels need something between them and a handle: "wxtb_refund" may be the handle itself.
const SEPARATORS_AFTER_LATIN = SEPARATORS.filter((separator) => separator !== '');

const QQ_NUMBER = ['2847561932', '2847 5619 32', '2847-561-932'];
const MOBILE = ['13800138000', '138 0013 8000', '138-0013-8000'];

type Form = [label: string, value: string, expected: string[]];

function forms(labels: string[], values: string[], expected: string[]): Form[] {
  return labels.flatMap((label) => values.map((value): Form => [label, value, expected]));
}

function withSeparators([label, value, expected]: Form): [string, string[]][] {
  const separators = /[a-z]$/i.test(label) ? SEPARATORS_AFTER_LATIN : SEPARATORS;
  return separators.map((separator) => [`${label}${separator}${value}`, expected]);
}

describe('every label form', () => {
  it.each(
    [
      ...forms(['QQ', 'qq', 'Q号', '扣扣', '企鹅号', 'QQ号'], QQ_NUMBER, ['qq 2847561932']),
      ...forms(
        ['微信', '微信号', '威信', 'V信', 'vx', 'wx', 'VX'],
        ['xw_chaping88'],
        ['wechat xw_chaping88'],
      ),
      ...forms(['手机', '电话', '手机号'], MOBILE, ['phone +8613800138000']),
      ...forms(
        ['支付宝', '收款', '收款账号', '收款人', '转账到', '转账给', '转到', '转账到支付宝'],
        ['lihua@163.com'],
        ['email lihua@163.com', 'payment_account alipay lihua@163.com'],
      ),
      ...forms(
        ['支付宝', '收款', '收款账号', '收款人', '转账到', '转账给', '转到'],
        ['13800138000', '138 0013 8000'],
        ['payment_account alipay +8613800138000', 'phone +8613800138000'],
      ),
    ].flatMap(withSeparators),
  )('reads %j', (text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    ['a QQ label split by OCR spaces', '扣 扣 : 2847 5619 32', ['qq 2847561932']],
    ['a WeChat label split by OCR spaces', '微 信 号 ： xw_chaping88', ['wechat xw_chaping88']],
    ['a Q split from its 号 by OCR', '有事找我，Q 号 922 469 5762', ['qq 9224695762']],
    ['a V split from its 信 by OCR', '加 V 信 :mike_chen5327', ['wechat mike_chen5327']],
    ['企鹅号 with its 鹅 misread by OCR', '加我企玫号 64932447 私聊', ['qq 64932447']],
    [
      'a QQ number once, when OCR also read its line cut off at a dash',
      '扣扣:550-570-\n加我扣扣:550-570-839 私聊',
      ['qq 550570839'],
    ],
    ['vx with its letters doubled by OCR', 'VvXx kefu_655， 备注差评', ['wechat kefu_655']],
    ['wx with its letters doubled by OCR', 'WwWx haoping4168 加一下', ['wechat haoping4168']],
    ['a phone label split by OCR spaces', '手 机 号 138-0013-8000', ['phone +8613800138000']],
    [
      'a payment word split by OCR spaces',
      '支 付 宝 收 款 lihua@163.com',
      ['email lihua@163.com', 'payment_account alipay lihua@163.com'],
    ],
    [
      'a WeChat Pay account where WeChat is named',
      '转账到微信 xw_chaping88',
      ['payment_account wechat_pay xw_chaping88', 'wechat xw_chaping88'],
    ],
    [
      'a WeChat Pay account named before the payment word',
      '微信收款：xw_chaping88',
      ['payment_account wechat_pay xw_chaping88', 'wechat xw_chaping88'],
    ],
    [
      'a bank card after 收款账号, grouped',
      '收款账号 6222 0212 3456 7890 128',
      ['payment_account bank 6222021234567890128'],
    ],
    ['a QQ number before an amount', 'QQ 2847 5619 32 给200元', ['qq 2847561932']],
    ['a QQ number before a time', '扣扣 28475 14:32', ['qq 28475']],
    ['a QQ number before a year', 'QQ：2847561932 2026-12-01', ['qq 2847561932']],
  ])('reads %s', (_name, text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    ['a handle where no wallet is named', '收款账号 xw_chaping88'],
    ['a card number that fails the Luhn check', '收款账号 6222 0212 3456 7890 123'],
    ['an amount after a transfer word', '转账200元，转给我 ¥50'],
    ['a transfer word with no account', '今天之内不转账差评就一直挂着'],
  ])('reads no payment account from %s', (_name, text) => expect(found(text)).toEqual([]));
});

describe('what is never an identifier', () => {
  it.each([
    '14:32',
    '2026-12-01 09:15',
    '昨天 22:08',
    '2026年12月1日 09:15',
    '星期二 下午3:05',
    '订单号 4012345678901234567',
    '订单号：4012345678901234567 已签收',
    '交易单号 2026120122001456781234567890',
    '物流单号 SF1402938475612',
    '¥50',
    '￥50',
    '200元',
    'RMB 300',
    '给我200元就删差评',
    '50.00',
    '付款 ¥1,280.50',
    '87%',
    '企业号 12345678',
    '昨天 22:08 订单号 4012345678901234567 ¥50 200元 RMB 300',
  ])('%j', (text) => expect(found(text)).toEqual([]));
});
