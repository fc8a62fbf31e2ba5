import type { CountryCode } from 'libphonenumber-js/max';
import type { IdentifierKind } from '../../identifiers/identifier-kind';
import { extractIdentifiers } from './extract-identifiers';

/** kind, scope, canonical value, confidence, and the text that was matched. */
type Found = [kind: IdentifierKind, scope: string, value: string, confidence: number, text: string];
type Example = [name: string, text: string, found: Found[]];

function found(text: string, region: CountryCode = 'CN'): Found[] {
  return extractIdentifiers(text, { defaultRegion: region }).map(
    ({ identifier, confidence, start, end }) => [
      identifier.kind,
      identifier.scope,
      identifier.value,
      confidence,
      text.slice(start, end),
    ],
  );
}

const qq = (value: string, confidence = 0.9, text = value): Found => [
  'qq',
  '',
  value,
  confidence,
  text,
];
const phone = (value: string, text: string, confidence = 0.9): Found => [
  'phone',
  '',
  value,
  confidence,
  text,
];
const wechat = (value: string, confidence = 0.9, text = value): Found => [
  'wechat',
  '',
  value,
  confidence,
  text,
];

describe('extractIdentifiers', () => {
  it.each<Example>([
    [
      'a QQ number and nothing from the money demand',
      '加我QQ：2847561923，给50块钱我就删差评',
      [qq('2847561923')],
    ],
    [
      'a WeChat ID and a spaced phone number',
      '微信 tb_refund_88 或者打我电话 138 0013 8000',
      [wechat('tb_refund_88'), phone('+8613800138000', '138 0013 8000')],
    ],
    [
      'an Alipay account and the phone number it is',
      '支付宝账号 13800138000',
      [
        ['payment_account', 'alipay', '+8613800138000', 0.9, '13800138000'],
        phone('+8613800138000', '13800138000'),
      ],
    ],
    [
      'an Alipay account that is an email address',
      '钱转到我支付宝：Refund88@163.com 就行',
      [
        ['payment_account', 'alipay', 'refund88@163.com', 0.9, 'Refund88@163.com'],
        ['email', '', 'refund88@163.com', 0.9, 'Refund88@163.com'],
      ],
    ],
    [
      'a PayPal account that is an email address',
      'send $30 to my PayPal: Bad.Buyer@Gmail.com or the review stays',
      [
        ['payment_account', 'paypal', 'bad.buyer@gmail.com', 0.9, 'Bad.Buyer@Gmail.com'],
        ['email', '', 'bad.buyer@gmail.com', 0.9, 'Bad.Buyer@Gmail.com'],
      ],
    ],
    [
      'a paypal.me link as a link (the normaliser takes only emails and phones for PayPal)',
      'paypal me at paypal.me/badbuyer',
      [['url', '', 'https://paypal.me/badbuyer', 0.7, 'paypal.me/badbuyer']],
    ],
    ['no phone from inside an order number', '订单号 3318827765001234 已经退款', []],
    ['a QQ number after 扣扣 split by OCR spaces', '扣 扣 2847561932 加 我', [qq('2847561932')]],
    [
      'a WeChat ID after 微信 split by OCR spaces',
      '微 信 : xw_chaping88',
      [wechat('xw_chaping88')],
    ],
    ['no QQ from a number without a label', '你的店铺评分 2847561923，好评返现', []],
    ['no phone glued to letters', 'SKU13800138000X 已发货', []],
    [
      'a number a QQ label names as a QQ number, not a phone',
      'QQ 13800138000',
      [qq('13800138000')],
    ],
    [
      'the QQ number, not a phone, when a phone label reaches it',
      '电话没有 QQ号是 2847561923',
      [qq('2847561923')],
    ],
  ])('finds %s', (_name, text, expected) => expect(found(text)).toEqual(expected));

  describe('QQ numbers', () => {
    it.each([
      'QQ 2847561923',
      'qq:2847561923',
      'QQ：2847561923',
      'QQ号 2847561923',
      'QQ号码是2847561923',
      'Q号：2847561923',
      '扣扣2847561923',
      '企鹅号：2847561923',
      '球球 2847561923',
      '加Q2847561923',
      '加QQ2847561923',
      'q: 2847561923',
      'my QQ is 2847561923',
    ])('reads a QQ number after a label: %s', (text) => {
      expect(found(text)).toEqual([qq('2847561923')]);
    });

    it.each([
      ['a QQ group, which is no account', 'QQ群 2847561923'],
      ['a q inside a word', 'faq 2847561923'],
      ['a lone q without a colon', 'q 2847561923'],
      ['too many digits for a QQ number', 'QQ 284756192311'],
    ])('finds nothing in %s', (_name, text) => expect(found(text)).toEqual([]));
  });

  describe('phone numbers', () => {
    it.each<Example>([
      ['a bare mobile', '有事 13800138000', [phone('+8613800138000', '13800138000', 0.7)]],
      ['dashes', '138-0013-8000', [phone('+8613800138000', '138-0013-8000', 0.7)]],
      ['a +86 prefix', '+86 138 0013 8000', [phone('+8613800138000', '+86 138 0013 8000', 0.7)]],
      ['a 0086 prefix', '0086 13800138000', [phone('+8613800138000', '0086 13800138000', 0.7)]],
      ['a label', '手机：13800138000', [phone('+8613800138000', '13800138000')]],
      [
        'a label a few words before',
        '打电话给我 13800138000',
        [phone('+8613800138000', '13800138000')],
      ],
      [
        'an English label and a number in parentheses',
        'tel: +1 (212) 736-5000',
        [phone('+12127365000', '+1 (212) 736-5000')],
      ],
      [
        'a bare international number, without the year written after it',
        'in London +44 20 7946 0958 2024',
        [phone('+442079460958', '+44 20 7946 0958', 0.7)],
      ],
      [
        'a labelled international number',
        'call me at +44 20 7946 0958',
        [phone('+442079460958', '+44 20 7946 0958')],
      ],
      [
        'a WeChat label naming the phone its account is bound to',
        '微信号是13912345678',
        [phone('+8613912345678', '13912345678')],
      ],
      [
        'a V信 label before a phone',
        'V信：139 1234 5678',
        [phone('+8613912345678', '139 1234 5678')],
      ],
    ])('reads %s', (_name, text, expected) => expect(found(text)).toEqual(expected));

    it('reads a national number in the caller’s region, and a CN mobile only where it is one', () => {
      expect(found('call (212) 736-5000', 'US')).toEqual([phone('+12127365000', '(212) 736-5000')]);
      expect(found('13800138000', 'US')).toEqual([]);
    });
  });

  describe('WeChat IDs', () => {
    it.each([
      '微信 tb_refund_88',
      '微信号：tb_refund_88',
      '威信 tb_refund_88',
      'V信：tb_refund_88',
      'vx: tb_refund_88',
      'wx tb_refund_88',
      'WeChat ID: tb_refund_88',
      'weixin是tb_refund_88',
      'my wechat is tb_refund_88',
    ])('reads a WeChat ID after a label: %s', (text) => {
      expect(found(text)).toEqual([wechat('tb_refund_88')]);
    });

    it.each<Example>([
      ['a legacy wxid without a label', '加 wxid_k2j3h4m5 聊', [wechat('wxid_k2j3h4m5', 0.8)]],
      ['a legacy wxid after a label', '微信：wxid_k2j3h4m5', [wechat('wxid_k2j3h4m5')]],
      [
        'a word after an English label, with less confidence',
        'wechat please',
        [wechat('please', 0.7)],
      ],
      ['nothing from an ID too long for WeChat', '微信 abcdefghijklmnopqrstu', []],
      ['nothing from "wx" inside a word', 'wxyz_seller 13', []],
    ])('reads %s', (_name, text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('emails and links', () => {
    it.each<Example>([
      [
        'an email anywhere',
        '邮箱bad.buyer@163.com发我',
        [['email', '', 'bad.buyer@163.com', 0.9, 'bad.buyer@163.com']],
      ],
      [
        'the QQ number behind a QQ Mail address',
        '发到2847561923@qq.com',
        [['email', '', '2847561923@qq.com', 0.9, '2847561923@qq.com'], qq('2847561923', 0.8)],
      ],
      [
        'a link, without the Chinese text and punctuation after it',
        '看这个https://shop.example.com/item?id=5，然后付款',
        [
          [
            'url',
            '',
            'https://shop.example.com/item?id=5',
            0.9,
            'https://shop.example.com/item?id=5',
          ],
        ],
      ],
      [
        'a bare host with a path',
        'go to shop.example.com/x.',
        [['url', '', 'https://shop.example.com/x', 0.7, 'shop.example.com/x']],
      ],
      [
        'a bare host on a common domain',
        '上 www.evil.cn 看',
        [['url', '', 'https://www.evil.cn', 0.7, 'www.evil.cn']],
      ],
      ['no link from a file name or a missing space', 'see file.pdf ok.thanks', []],
    ])('reads %s', (_name, text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('full-width text', () => {
    it('reads full-width digits and colons, with offsets into the text as given', () => {
      expect(found('ＱＱ：２８４７５６１９２３')).toEqual([
        qq('2847561923', 0.9, '２８４７５６１９２３'),
      ]);
      expect(found('电话：１３８ ００１３ ８０００')).toEqual([
        phone('+8613800138000', '１３８ ００１３ ８０００'),
      ]);
      expect(found('ｂａｄ＠１６３.ｃｏｍ')).toEqual([
        ['email', '', 'bad@163.com', 0.9, 'ｂａｄ＠１６３.ｃｏｍ'],
      ]);
    });
  });

  describe('OCR noise', () => {
    it.each<Example>([
      ['an O read for 0 in a QQ number', 'QQ：28475619O3', [qq('2847561903', 0.6, '28475619O3')]],
      ['an l read for 1 in a QQ number', 'QQ 2847l61923', [qq('2847161923', 0.6, '2847l61923')]],
      [
        'two letters in a mobile',
        '手机 138OO138000',
        [phone('+8613800138000', '138OO138000', 0.6)],
      ],
      ['nothing from a letter at the edge of the run', 'QQ：O2847561923', []],
      ['nothing from more than two letters', 'QQ 28lol61923', []],
      ['nothing from letters in an unlabelled number', '评分 28475619O3 和 138OO138000', []],
    ])('reads %s', (_name, text, expected) => expect(found(text)).toEqual(expected));
  });

  describe('duplicates', () => {
    it('keeps one of each identifier, at its first place, with its best confidence', () => {
      const text = '13800138000，有事打电话 13800138000，QQ 2847561923 QQ：2847561923';
      expect(found(text)).toEqual([phone('+8613800138000', '13800138000', 0.9), qq('2847561923')]);
      expect(extractIdentifiers(text, { defaultRegion: 'CN' })[0].start).toBe(0);
    });

    it('keeps spellings that normalise alike once', () => {
      expect(found('+86 138 0013 8000 或 138-0013-8000')).toEqual([
        phone('+8613800138000', '+86 138 0013 8000', 0.7),
      ]);
    });
  });
});
