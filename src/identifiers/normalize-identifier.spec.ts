import { getCountries, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import type { Platform } from '../common/platform';
import type { IdentifierKind, PaymentProvider } from './identifier-kind';
import { normalizeIdentifier, type IdentifierInput } from './normalize-identifier';

const CN = { defaultRegion: 'CN' as CountryCode };

type Accepted = [text: string, input: IdentifierInput, value: string];
type Refused = [text: string, input: IdentifierInput, field: string, message: string];

const PHONE_MESSAGE = 'is not a valid phone number for region CN';
const QQ_MESSAGE = 'is not a valid QQ number (5 to 11 digits, not starting with 0)';
const WECHAT_MESSAGE =
  'is not a valid WeChat ID (6 to 20 letters, digits, _ or -, starting with a letter)';
const EMAIL_MESSAGE = 'is not a valid email address';
const ORDER_MESSAGE = 'is not a valid order number (4 to 64 letters, digits, - or _)';
const URL_MESSAGE = 'is not a web address (http or https)';

const platformAccount = (platform: Platform, value: string): IdentifierInput => ({
  kind: 'platform_account',
  platform,
  value,
});
const paymentAccount = (provider: PaymentProvider, value: string): IdentifierInput => ({
  kind: 'payment_account',
  provider,
  value,
});
const of = (kind: IdentifierKind, value: string): IdentifierInput => ({ kind, value });

function expectAccepted(input: IdentifierInput, value: string, region: CountryCode = 'CN') {
  const result = normalizeIdentifier(input, { defaultRegion: region });
  expect(result).toMatchObject({ ok: true, identifier: { kind: input.kind, value } });
}

function expectRefused(input: IdentifierInput, field: string, message: string) {
  expect(normalizeIdentifier(input, CN)).toEqual({ ok: false, field, message });
}

describe('normalizeIdentifier', () => {
  describe('phone', () => {
    it.each<Accepted>([
      ['a bare CN mobile', of('phone', '13800138000'), '+8613800138000'],
      ['spaces', of('phone', '138 0013 8000'), '+8613800138000'],
      ['dashes', of('phone', '138-0013-8000'), '+8613800138000'],
      ['a +86 prefix', of('phone', '+86 138 0013 8000'), '+8613800138000'],
      ['a 0086 prefix', of('phone', '0086 138 0013 8000'), '+8613800138000'],
      ['a Beijing landline in parentheses', of('phone', '(010) 6552-9988'), '+861065529988'],
      ['full-width digits', of('phone', '１３８ ００１３ ８０００'), '+8613800138000'],
      ['a full-width plus', of('phone', '＋８６１３８００１３８０００'), '+8613800138000'],
      ['a foreign number in international form', of('phone', '+44 20 7946 0958'), '+442079460958'],
    ])('accepts %s', (_text, input, value) => expectAccepted(input, value));

    it('reads a number without a country code in the caller’s default region', () => {
      expectAccepted(of('phone', '(212) 736-5000'), '+12127365000', 'US');
      expect(normalizeIdentifier(of('phone', '13800138000'), { defaultRegion: 'US' })).toEqual({
        ok: false,
        field: 'value',
        message: 'is not a valid phone number for region US',
      });
    });

    it('accepts every region’s example mobile number, typed nationally or internationally', () => {
      const misread = getCountries().flatMap((country) => {
        const example = getExampleNumber(country, mobileExamples);
        if (example === undefined) return [`${country}: no example`];
        return [example.formatNational(), example.formatInternational()]
          .filter((typed) => {
            const result = normalizeIdentifier(of('phone', typed), { defaultRegion: country });
            return !result.ok || result.identifier.value !== example.number;
          })
          .map((typed) => `${country}: ${typed}`);
      });
      expect(misread).toEqual([]);
    });

    it.each<Refused>([
      ['too few digits', of('phone', '138001380'), 'value', PHONE_MESSAGE],
      ['a number that no CN range uses', of('phone', '12345'), 'value', PHONE_MESSAGE],
      ['a number inside other text', of('phone', 'call 13800138000'), 'value', PHONE_MESSAGE],
      ['a letter O for a zero', of('phone', '1380013800O'), 'value', PHONE_MESSAGE],
      ['an extension', of('phone', '+8613800138000 x12'), 'value', PHONE_MESSAGE],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('qq', () => {
    it.each<Accepted>([
      ['a plain number', of('qq', '2847561923'), '2847561923'],
      ['the shortest (5 digits)', of('qq', '10000'), '10000'],
      ['the longest (11 digits)', of('qq', '12345678901'), '12345678901'],
      ['spaces inside', of('qq', '2847 5619 23'), '2847561923'],
      ['a "QQ:" label', of('qq', 'QQ: 2847561923'), '2847561923'],
      ['a lower-case label without a colon', of('qq', 'qq2847561923'), '2847561923'],
      ['a full-width colon', of('qq', 'QQ：2847561923'), '2847561923'],
      ['a "QQ号" label', of('qq', 'QQ号：2847561923'), '2847561923'],
      ['full-width letters and digits', of('qq', 'ＱＱ：２８４７５６１９２３'), '2847561923'],
    ])('accepts %s', (_text, input, value) => expectAccepted(input, value));

    it.each<Refused>([
      ['4 digits', of('qq', '1234'), 'value', QQ_MESSAGE],
      ['12 digits', of('qq', '123456789012'), 'value', QQ_MESSAGE],
      ['a leading zero', of('qq', '0123456'), 'value', QQ_MESSAGE],
      ['a letter', of('qq', '28475a1923'), 'value', QQ_MESSAGE],
      ['a label alone', of('qq', 'QQ:'), 'value', QQ_MESSAGE],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('wechat', () => {
    it.each<Accepted>([
      ['a plain ID', of('wechat', 'abc123'), 'abc123'],
      ['mixed case, underscore and dash', of('wechat', 'Abc_123-X'), 'abc_123-x'],
      ['the longest ordinary ID (20)', of('wechat', `a${'b'.repeat(19)}`), `a${'b'.repeat(19)}`],
      ['a "微信：" label', of('wechat', '微信：abc123'), 'abc123'],
      ['a "微信号:" label', of('wechat', '微信号: abc123'), 'abc123'],
      ['a "WeChat:" label', of('wechat', 'WeChat: ABC123'), 'abc123'],
      ['a "WeChat ID:" label', of('wechat', 'WeChat ID: abc123'), 'abc123'],
      ['a "wx:" label', of('wechat', 'wx: abc123'), 'abc123'],
      ['a "VX：" label', of('wechat', 'VX：abc123'), 'abc123'],
      ['an ID that starts with wx', of('wechat', 'wxabc123'), 'wxabc123'],
      ['full-width letters', of('wechat', 'ａｂｃ１２３'), 'abc123'],
      [
        'a legacy wxid_ up to 30 characters',
        of('wechat', `WXID_${'a1'.repeat(12)}b`),
        `wxid_${'a1'.repeat(12)}b`,
      ],
    ])('accepts %s', (_text, input, value) => expectAccepted(input, value));

    it.each<Refused>([
      ['5 characters', of('wechat', 'abc12'), 'value', WECHAT_MESSAGE],
      ['21 characters', of('wechat', `a${'b'.repeat(20)}`), 'value', WECHAT_MESSAGE],
      ['a leading digit', of('wechat', '1abc123'), 'value', WECHAT_MESSAGE],
      ['a space inside', of('wechat', 'abc 123'), 'value', WECHAT_MESSAGE],
      ['a dot', of('wechat', 'abc.123'), 'value', WECHAT_MESSAGE],
      ['a label without a colon', of('wechat', 'wx abc123'), 'value', WECHAT_MESSAGE],
      [
        'a wxid_ over 30 characters',
        of('wechat', `wxid_${'a'.repeat(26)}`),
        'value',
        WECHAT_MESSAGE,
      ],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('email', () => {
    it.each<Accepted>([
      ['mixed case with spaces around', of('email', ' Seller@Example.COM '), 'seller@example.com'],
      ['a QQ mailbox', of('email', '2847561923@qq.com'), '2847561923@qq.com'],
      [
        'a tag and a sub-domain',
        of('email', 'a.b+tag@mail.example.co.uk'),
        'a.b+tag@mail.example.co.uk',
      ],
      [
        'full-width characters',
        of('email', '２８４７５６１９２３＠ｑｑ．ｃｏｍ'),
        '2847561923@qq.com',
      ],
      [
        'a punycode domain',
        of('email', 'shop@xn--fsqu00a.xn--fiqs8s'),
        'shop@xn--fsqu00a.xn--fiqs8s',
      ],
    ])('accepts %s', (_text, input, value) => expectAccepted(input, value));

    it.each<Refused>([
      ['a domain without a dot', of('email', 'seller@example'), 'value', EMAIL_MESSAGE],
      ['no @', of('email', 'seller.example.com'), 'value', EMAIL_MESSAGE],
      ['two @', of('email', 'a@b@example.com'), 'value', EMAIL_MESSAGE],
      ['a space', of('email', 'a b@example.com'), 'value', EMAIL_MESSAGE],
      ['a one-letter TLD', of('email', 'a@example.c'), 'value', EMAIL_MESSAGE],
      [
        'a local part over 64',
        of('email', `${'a'.repeat(65)}@example.com`),
        'value',
        EMAIL_MESSAGE,
      ],
      ['a display name', of('email', 'Seller <s@example.com>'), 'value', EMAIL_MESSAGE],
      [
        'a domain label over 63 characters',
        of('email', `a@${'b'.repeat(64)}.com`),
        'value',
        EMAIL_MESSAGE,
      ],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('payment_account', () => {
    it.each<[string, IdentifierInput, string, string]>([
      ['an Alipay phone', paymentAccount('alipay', '138 0013 8000'), 'alipay', '+8613800138000'],
      ['an Alipay email', paymentAccount('alipay', 'Pay@Example.com'), 'alipay', 'pay@example.com'],
      [
        'a WeChat Pay ID',
        paymentAccount('wechat_pay', 'WeChat: Seller_Pay'),
        'wechat_pay',
        'seller_pay',
      ],
      [
        'a WeChat Pay phone',
        paymentAccount('wechat_pay', '13800138000'),
        'wechat_pay',
        '+8613800138000',
      ],
      ['a PayPal email', paymentAccount('paypal', 'Buyer@Mail.com'), 'paypal', 'buyer@mail.com'],
      ['a PayPal phone', paymentAccount('paypal', '+1 212 736 5000'), 'paypal', '+12127365000'],
      [
        'a CN bank card',
        paymentAccount('bank', '6222 0212 3456 7890 128'),
        'bank',
        '6222021234567890128',
      ],
      [
        'a card with dashes',
        paymentAccount('bank', '6222-0212-3456-7890'),
        'bank',
        '6222021234567890',
      ],
      [
        'an IBAN',
        paymentAccount('bank', 'de89 3704 0044 0532 0130 00'),
        'bank',
        'DE89370400440532013000',
      ],
    ])('accepts %s', (_text, input, scope, value) => {
      expect(normalizeIdentifier(input, CN)).toMatchObject({
        ok: true,
        identifier: { kind: 'payment_account', scope, value },
      });
    });

    it.each<Refused>([
      [
        'no provider',
        of('payment_account', 'pay@example.com'),
        'provider',
        'is required for a payment account',
      ],
      [
        'an unknown provider',
        paymentAccount('venmo' as PaymentProvider, 'pay@example.com'),
        'provider',
        'is not a supported payment provider',
      ],
      [
        'a platform',
        { kind: 'payment_account', provider: 'alipay', platform: 'taobao', value: '13800138000' },
        'platform',
        'only applies to platform accounts',
      ],
      [
        'an Alipay account that is neither phone nor email',
        paymentAccount('alipay', 'seller_pay'),
        'value',
        'is not a valid Alipay account (a phone number or an email address)',
      ],
      [
        'a WeChat Pay account that is neither ID nor phone',
        paymentAccount('wechat_pay', '12345'),
        'value',
        'is not a valid WeChat Pay account (a WeChat ID or a phone number)',
      ],
      [
        'a PayPal account that is neither email nor phone',
        paymentAccount('paypal', 'abc123'),
        'value',
        'is not a valid PayPal account (an email address or a phone number)',
      ],
      ...['1234567', '6222.0212.3456.7890', 'A'.repeat(35)].map((value): Refused => [
        `a bank account ${value}`,
        paymentAccount('bank', value),
        'value',
        'is not a valid bank account (8 to 34 letters and digits, such as a card number or an IBAN)',
      ]),
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('platform_account', () => {
    it.each<[string, IdentifierInput, string, string]>([
      [
        'a leading @ and capitals',
        platformAccount('taobao', '@Happy Seller'),
        'taobao',
        'happy seller',
      ],
      ['repeated spaces', platformAccount('amazon', '  Big   Shop  '), 'amazon', 'big shop'],
      ['full-width letters', platformAccount('ebay', 'ＳｈｏｐＯｎｅ'), 'ebay', 'shopone'],
      ['a Chinese name', platformAccount('jd', '店铺小王'), 'jd', '店铺小王'],
      ['exactly 100 characters', platformAccount('etsy', 'a'.repeat(100)), 'etsy', 'a'.repeat(100)],
    ])('accepts %s', (_text, input, scope, value) => {
      expect(normalizeIdentifier(input, CN)).toMatchObject({
        ok: true,
        identifier: { kind: 'platform_account', scope, value },
      });
    });

    it.each<Refused>([
      [
        'no platform',
        of('platform_account', 'seller'),
        'platform',
        'is required for a platform account',
      ],
      [
        'an unknown platform',
        platformAccount('myspace' as Platform, 'seller'),
        'platform',
        'is not a supported platform',
      ],
      [
        'a provider',
        { kind: 'platform_account', platform: 'jd', provider: 'bank', value: 'seller' },
        'provider',
        'only applies to payment accounts',
      ],
      ['an @ alone', platformAccount('taobao', ' @ '), 'value', 'must not be empty'],
      [
        'over 100 characters',
        platformAccount('taobao', 'a'.repeat(101)),
        'value',
        'must be at most 100 characters for a platform account',
      ],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('order_id', () => {
    it.each<Accepted>([
      [
        'a Taobao order number with spaces',
        of('order_id', '2847 5619 2384 7561'),
        '2847561923847561',
      ],
      ['letters, dashes and underscores', of('order_id', 'ord-2024_001'), 'ORD-2024_001'],
      ['full-width digits and dash', of('order_id', '１２３４－５６'), '1234-56'],
    ])('accepts %s', (_text, input, value) => expectAccepted(input, value));

    it.each<Refused>([
      ['3 characters', of('order_id', 'ab1'), 'value', ORDER_MESSAGE],
      ['65 characters', of('order_id', 'A'.repeat(65)), 'value', ORDER_MESSAGE],
      ['a #', of('order_id', 'order#1234'), 'value', ORDER_MESSAGE],
      ['Chinese characters', of('order_id', '订单123456'), 'value', ORDER_MESSAGE],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('url', () => {
    it.each<Accepted>([
      [
        'a full link, dropping the fragment',
        of('url', 'https://Shop.Example.com/Items/42?ref=qq#reviews'),
        'https://shop.example.com/Items/42?ref=qq',
      ],
      ['a host without a scheme', of('url', 'shop.example.com/x'), 'https://shop.example.com/x'],
      ['a bare root', of('url', 'http://shop.example.com/'), 'http://shop.example.com'],
      [
        'a root with a query',
        of('url', 'https://shop.example.com/?a=1'),
        'https://shop.example.com/?a=1',
      ],
      ['a default port', of('url', 'https://shop.example.com:443/a'), 'https://shop.example.com/a'],
      [
        'another port',
        of('url', 'http://shop.example.com:8080/a'),
        'http://shop.example.com:8080/a',
      ],
      [
        'an IDN host',
        of('url', 'https://例子.中国/店'),
        'https://xn--fsqu00a.xn--fiqs8s/%E5%BA%97',
      ],
      [
        'full-width characters',
        of('url', 'ＨＴＴＰＳ：／／ｓｈｏｐ．ｅｘａｍｐｌｅ．ｃｏｍ'),
        'https://shop.example.com',
      ],
    ])('accepts %s', (_text, input, value) => expectAccepted(input, value));

    it.each<Refused>([
      ['ftp', of('url', 'ftp://shop.example.com'), 'value', URL_MESSAGE],
      ['javascript:', of('url', 'javascript:alert(1)'), 'value', URL_MESSAGE],
      ['mailto:', of('url', 'mailto:a@example.com'), 'value', URL_MESSAGE],
      ['words', of('url', 'not a link'), 'value', URL_MESSAGE],
      ['a host without a dot or scheme', of('url', 'localhost:3000'), 'value', URL_MESSAGE],
      ['a space in the host', of('url', 'https://exa mple.com'), 'value', URL_MESSAGE],
      [
        'credentials',
        of('url', 'https://user:pw@shop.example.com'),
        'value',
        'must not contain a user name or password',
      ],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));
  });

  describe('any kind', () => {
    it.each<Refused>([
      ['an empty value', of('qq', ''), 'value', 'must not be empty'],
      ['only spaces, full-width ones too', of('email', ' \u3000 '), 'value', 'must not be empty'],
      [
        '201 characters',
        of('url', `https://a.cn/${'a'.repeat(188)}`),
        'value',
        'must be at most 200 characters',
      ],
      [
        'a platform on another kind',
        { kind: 'qq', platform: 'taobao', value: '2847561923' },
        'platform',
        'only applies to platform accounts',
      ],
      [
        'a provider on another kind',
        { kind: 'url', provider: 'paypal', value: 'shop.example.com' },
        'provider',
        'only applies to payment accounts',
      ],
    ])('refuses %s', (_text, input, field, message) => expectRefused(input, field, message));

    it('keeps what the seller typed, trimmed, as the display', () => {
      expect(normalizeIdentifier(of('qq', '  ＱＱ：２８４７５６１９２３ '), CN)).toEqual({
        ok: true,
        identifier: {
          kind: 'qq',
          scope: '',
          value: '2847561923',
          display: 'ＱＱ：２８４７５６１９２３',
        },
      });
    });

    it('keeps at most 200 characters of what the seller typed', () => {
      // Decomposed accents: 225 characters as typed, 125 once NFKC composes them.
      const typed = `https://shop.example.com/${'e\u0301'.repeat(100)}`;
      const result = normalizeIdentifier(of('url', typed), CN);
      expect(result.ok && Array.from(result.identifier.display)).toHaveLength(200);
    });
  });
});
