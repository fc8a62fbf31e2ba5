import fc from 'fast-check';
import { extractAmountsDemanded, type DemandedAmount } from './extract-amounts';

type Example = [text: string, amounts: DemandedAmount[]];

const cny = (amount: string, confidence = 0.9): DemandedAmount => ({
  amount,
  currency: 'CNY',
  confidence,
});
const usd = (amount: string, confidence = 0.9): DemandedAmount => ({
  amount,
  currency: 'USD',
  confidence,
});

describe('extractAmountsDemanded', () => {
  it.each<Example>([
    ['给我50元就删差评', [cny('50.00')]],
    ['加我QQ：2847561923，给50块钱我就删差评', [cny('50.00')]],
    ['转200块，不然天天给你差评', [cny('200.00')]],
    ['赔我300人民币', [cny('300.00')]],
    ['补偿 ￥88.8 就撤诉', [cny('88.80')]],
    ['给1.5万元私了', [cny('15000.00')]],
    ['打款5千块到我支付宝', [cny('5000.00')]],
    ['pay me $30 or the review stays', [usd('30.00')]],
    ['send 30 dollars, 30 USD, now', [usd('30.00')]],
    ['transfer US$ 2.5k as compensation', [usd('2500.00')]],
    ['refund 100 bucks', [usd('100.00')]],
    ['给我20美金', [usd('20.00')]],
  ])('reads a demand near a demand word: %s', (text, amounts) => {
    expect(extractAmountsDemanded(text)).toEqual(amounts);
  });

  it.each<Example>([
    ['¥ 1,200.50', [cny('1200.50', 0.6)]],
    ['RMB300', [cny('300.00', 0.6)]],
    ['价格 300rmb', [cny('300.00', 0.6)]],
    ['CNY 45', [cny('45.00', 0.6)]],
    ['$30', [usd('30.00', 0.6)]],
    ['it cost 30$', [usd('30.00', 0.6)]],
    ['全角 ＄１２', [usd('12.00', 0.6)]],
  ])('reads an amount with only its currency, with less confidence: %s', (text, amounts) => {
    expect(extractAmountsDemanded(text)).toEqual(amounts);
  });

  it.each([
    ['a number without a currency', '给我50就删'],
    ['an order number', '订单号 3318827765001234'],
    ['a fraction of a cent', '12.345元'],
    ['a malformed thousands group', '¥1,2345'],
    ['a zero-yuan scam slogan', '0元购'],
    ['a currency word inside another word', 'trmb300 usdt 50'],
  ])('reads nothing from %s', (_name, text) => {
    expect(extractAmountsDemanded(text)).toEqual([]);
  });

  it.each<Example>([
    ['给我¥50', [cny('50.00')]],
    ['给我￥50', [cny('50.00')]],
    ['给我50元', [cny('50.00')]],
    ['给我50 元', [cny('50.00')]],
    ['给我50块', [cny('50.00')]],
    ['给我RMB 50', [cny('50.00')]],
    ['给我CNY 50', [cny('50.00')]],
    ['pay $30', [usd('30.00')]],
    ['pay USD 30', [usd('30.00')]],
    ['给我50.00就删', [cny('50.00', 0.5)]],
    ['转1,200.00给我', [cny('1200.00', 0.5)]],
  ])('reads the forms a seller’s form takes, on a CNY platform: %s', (text, amounts) => {
    expect(extractAmountsDemanded(text, { defaultCurrency: 'CNY' })).toEqual(amounts);
  });

  it.each<[text: string, currency: 'CNY' | 'USD' | null, amounts: DemandedAmount[]]>([
    ['pay 30.00 or the review stays', 'USD', [usd('30.00', 0.5)]],
    ['pay 30.00 or the review stays', null, []],
    ['给我50.00就删', null, []],
  ])(
    'gives a sum written without a currency the platform’s: %s (%s)',
    (text, currency, amounts) => {
      expect(extractAmountsDemanded(text, { defaultCurrency: currency })).toEqual(amounts);
    },
  );

  it.each([
    ['cents without a demand word', '单价 50.00 包邮'],
    ['a whole number without a currency', '给我50就删'],
    ['a range in yuan', '给我50-100元就删'],
    ['a range after a sign', '给我¥50-100就删'],
    ['a range in words', '给我50到100块'],
    ['a range of sums with cents', '给我50.00~100.00'],
    ['Chinese numerals', '给我五十元'],
    ['a comma that may be a decimal point', '给我1,2元'],
  ])('reads nothing from %s, on a CNY platform', (_name, text) => {
    expect(extractAmountsDemanded(text, { defaultCurrency: 'CNY' })).toEqual([]);
  });

  it('does not read a full-width comma as a thousands separator', () => {
    expect(extractAmountsDemanded('给我50，200块就删')).toEqual([cny('200.00')]);
  });

  it('keeps an amount once, at its first mention, with its best confidence', () => {
    expect(extractAmountsDemanded('一共¥500。¥20运费。真的，转500元给我')).toEqual([
      cny('500.00'),
      cny('20.00', 0.6),
    ]);
  });

  it.each([
    ['on another line', '给我回复\n¥500'],
    ['in another sentence', '你给差评？¥500'],
  ])('does not count a demand word %s', (_name, text) => {
    expect(extractAmountsDemanded(text)).toEqual([cny('500.00', 0.6)]);
  });

  it('reads any sum exactly, grouped or not, before or after its currency', () => {
    const written = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.boolean(), fc.constantFrom('¥', '$', '元'))
      .map(([cents, grouped, marker]) => {
        const whole = (cents / 100n).toString();
        const shownWhole = grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
        const number = `${shownWhole}.${(cents % 100n).toString().padStart(2, '0')}`;
        const amount = `${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
        const text = marker === '元' ? `给我${number}元` : `给我${marker}${number}`;
        return { text, amount, currency: marker === '$' ? 'USD' : 'CNY' };
      });
    fc.assert(
      fc.property(written, ({ text, amount, currency }) => {
        const amounts = extractAmountsDemanded(text);
        return (
          amounts.length === 1 && amounts[0].amount === amount && amounts[0].currency === currency
        );
      }),
    );
  });

  it('reads OCR text with ¥ read as Y and a line break before 元, only when told it is OCR', () => {
    const ocrText = '就 这 个 Y39 的 东西\n转账 到 支付 宝 chen4124@163.com，800\n元';
    const amounts = (readByOcr: boolean) =>
      extractAmountsDemanded(ocrText, { readByOcr }).map(({ amount }) => amount);

    expect(amounts(true)).toEqual(['39.00', '800.00']);
    expect(amounts(false)).toEqual([]);
  });

  it('reads no Y inside a word as ¥, even in OCR text', () => {
    expect(extractAmountsDemanded('day 3 buy 2 toy5', { readByOcr: true })).toEqual([]);
  });

  it('never throws, and every amount is a positive decimal with two places', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 6 }),
          fc.stringMatching(/^\d{1,6}([.,]\d{1,4})?$/),
          fc.constantFrom('¥', '$', '元', '块', 'RMB', 'US$', '万', 'k', '给', 'pay ', '，', ' '),
        ),
        { maxLength: 10 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (chat) =>
        extractAmountsDemanded(chat).every(
          ({ amount }) => /^\d+\.\d{2}$/.test(amount) && !/^0+\.00$/.test(amount),
        ),
      ),
    );
  });
});
