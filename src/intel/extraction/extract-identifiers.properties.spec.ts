import fc from 'fast-check';
import type { CountryCode } from 'libphonenumber-js/max';
import type { PaymentProvider } from '../../identifiers/identifier-kind';
import { normalizeIdentifier } from '../../identifiers/normalize-identifier';
import { extractIdentifiers, type ExtractedIdentifier } from './extract-identifiers';

const CN = { defaultRegion: 'CN' as CountryCode };

const fullWidth = (text: string) =>
  text.replace(/[0-9+-]/g, (ascii) => String.fromCharCode(ascii.charCodeAt(0) + 0xfee0));

function renormalizesToItself({ identifier }: ExtractedIdentifier): boolean {
  const scope =
    identifier.kind === 'payment_account' ? { provider: identifier.scope as PaymentProvider } : {};
  const again = normalizeIdentifier(
    { kind: identifier.kind, value: identifier.value, ...scope },
    CN,
  );
  return again.ok && again.identifier.value === identifier.value;
}

describe('extractIdentifiers properties', () => {
  const fragment = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.stringMatching(/^\d{1,12}$/),
    fc.constantFrom(
      'QQ',
      '：',
      ':',
      ' ',
      '微信',
      'wx ',
      '电话',
      '支付宝',
      'paypal ',
      '+86 ',
      '138',
      '0013',
      '8000',
      '@',
      'qq.com',
      'https://',
      '.com/',
      'www.',
      'O',
      'l',
      '-',
      '，',
      '１３８',
      '是',
    ),
  );
  const chatText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

  it('never throws, and every identifier is canonical and lies inside the text', () => {
    fc.assert(
      fc.property(chatText, (text) =>
        extractIdentifiers(text, CN).every(
          (found) =>
            renormalizesToItself(found) &&
            found.start >= 0 &&
            found.start < found.end &&
            found.end <= text.length &&
            found.confidence > 0 &&
            found.confidence <= 1,
        ),
      ),
    );
  });

  const before = fc.constantFrom('', '加我', '你好，加', 'hi, my ', '有问题找我 ');
  const after = fc.constantFrom('', '，给50块钱我就删差评', ' thanks', '。', '\n退款');

  it('always finds a labelled QQ number, and never reads it as a phone', () => {
    const label = fc.constantFrom(
      'QQ',
      'qq',
      'QQ号',
      'Q号',
      '扣扣',
      '企鹅号',
      '球球',
      '加Q',
      'ＱＱ',
    );
    const separator = fc.constantFrom('', ' ', ':', '：', ' ： ', '是');
    const qqNumber = fc.stringMatching(/^[1-9]\d{4,10}$/);
    fc.assert(
      fc.property(before, label, separator, qqNumber, after, (head, qqLabel, gap, number, tail) => {
        const text = `${head}${qqLabel}${gap}${number}${tail}`;
        const found = extractIdentifiers(text, CN);
        const qq = found.find(({ identifier }) => identifier.kind === 'qq');
        return (
          qq?.identifier.value === number &&
          qq.confidence === 0.9 &&
          text.slice(qq.start, qq.end) === number &&
          found.every(({ identifier }) => identifier.kind !== 'phone')
        );
      }),
    );
  });

  it('reads a QQ number grouped by spaces or dashes as its digits', () => {
    const qqNumber = fc.stringMatching(/^[1-9]\d{4,10}$/);
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 3 });
    const groupSeparator = fc.constantFrom(' ', '-');
    const label = fc.constantFrom('QQ ', '扣扣：', 'Q号:', '企鹅号 ', '扣 扣 ');
    fc.assert(
      fc.property(
        before,
        label,
        qqNumber,
        cuts,
        groupSeparator,
        after,
        (head, qqLabel, number, cutAt, separator, tail) => {
          const grouped = Array.from(number)
            .map((digit, index) => (cutAt.includes(index) ? `${separator}${digit}` : digit))
            .join('');
          const found = extractIdentifiers(`${head}${qqLabel}${grouped}${tail}`, CN);
          return found.some(
            ({ identifier }) => identifier.kind === 'qq' && identifier.value === number,
          );
        },
      ),
    );
  });

  it('finds a CN mobile in any usual spelling, as E.164, spanning what was written', () => {
    const mobile = fc.stringMatching(/^1(3\d|5[0-35-9]|8\d)\d{8}$/);
    const prefix = fc.constantFrom('', '+86 ', '+86', '0086 ', '+86-');
    const separator = fc.constantFrom('', ' ', '-');
    const context = fc.constantFrom('', '电话 ', '有事打', 'call ', '联系我');
    fc.assert(
      fc.property(
        context,
        prefix,
        mobile,
        separator,
        fc.boolean(),
        after,
        (head, countryCode, digits, gap, wide, tail) => {
          const written = `${countryCode}${digits.slice(0, 3)}${gap}${digits.slice(3, 7)}${gap}${digits.slice(7)}`;
          const shown = wide ? fullWidth(written) : written;
          const text = `${head}${shown}${tail}`;
          const phones = extractIdentifiers(text, CN).filter(
            ({ identifier }) => identifier.kind === 'phone',
          );
          return (
            phones.length === 1 &&
            phones[0].identifier.value === `+86${digits}` &&
            text.slice(phones[0].start, phones[0].end) === shown
          );
        },
      ),
    );
  });

  it('reads no phone and no QQ number from an unlabelled long digit run', () => {
    const orderNumber = fc.stringMatching(/^[1-9]\d{11,20}$/);
    const context = fc.constantFrom('', '订单号 ', 'order #', '单号：', '物流 ');
    fc.assert(
      fc.property(context, orderNumber, after, (head, number, tail) =>
        extractIdentifiers(`${head}${number}${tail}`, CN).every(
          ({ identifier }) => identifier.kind !== 'phone' && identifier.kind !== 'qq',
        ),
      ),
    );
  });

  it('reads nothing from an unlabelled number that is not shaped like a mobile', () => {
    const number = fc.stringMatching(/^[2-9]\d{4,10}$/);
    fc.assert(
      fc.property(
        before,
        number,
        after,
        (head, digits, tail) => extractIdentifiers(`${head}${digits}${tail}`, CN).length === 0,
      ),
    );
  });

  it('reads no identifier from timestamps, order numbers and amounts, however they are mixed', () => {
    const twoDigits = (max: number) =>
      fc.integer({ min: 0, max }).map((value) => String(value).padStart(2, '0'));
    const time = fc
      .tuple(fc.constantFrom('', '昨天 ', '星期二 ', '下午'), twoDigits(23), twoDigits(59))
      .map(([day, hours, minutes]) => `${day}${hours}:${minutes}`);
    const date = fc
      .tuple(fc.integer({ min: 2015, max: 2030 }), twoDigits(12), twoDigits(31), twoDigits(23))
      .chain(([year, month, day, hours]) =>
        fc.constantFrom(
          `${year}-${month}-${day} ${hours}:15`,
          `${year}/${month}/${day}`,
          `${year}年${Number(month)}月${Number(day)}日`,
        ),
      );
    const orderNumber = fc
      .tuple(
        fc.constantFrom('订单号 ', '订单号：', '单号', '交易号 '),
        fc.stringMatching(/^[1-9]\d{11,27}$/),
      )
      .map(([label, number]) => `${label}${number}`);
    const amount = fc
      .tuple(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('¥', '￥', 'RMB ', '', '给我'))
      .chain(([value, head]) =>
        fc.constantFrom(
          `${head}${value}元`,
          `¥${value}`,
          `RMB ${value}`,
          `${head}${value}块`,
          `${value}.00`,
        ),
      );
    const separator = fc.constantFrom(' ', '\n', '，', '。', ' 就删差评 ');
    const distractors = fc
      .array(fc.oneof(time, date, orderNumber, amount), { minLength: 1, maxLength: 6 })
      .chain((parts) => separator.map((between) => parts.join(between)));
    fc.assert(fc.property(distractors, (text) => extractIdentifiers(text, CN).length === 0));
  });
});
