import fc from 'fast-check';
import { getCountries, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import { IDENTIFIER_KINDS, type IdentifierKind, type PaymentProvider } from './identifier-kind';
import { normalizeIdentifier, type IdentifierInput } from './normalize-identifier';

const CN = { defaultRegion: 'CN' as CountryCode };

const of = (kind: IdentifierKind, value: string): IdentifierInput => ({ kind, value });
const paymentAccount = (provider: PaymentProvider, value: string): IdentifierInput => ({
  kind: 'payment_account',
  provider,
  value,
});

describe('normalizeIdentifier properties', () => {
  function renormalizes(input: IdentifierInput): boolean {
    const first = normalizeIdentifier(input, CN);
    if (!first.ok) return true;
    const again = normalizeIdentifier({ ...input, value: first.identifier.value }, CN);
    return again.ok && again.identifier.value === first.identifier.value;
  }

  function acceptsAndRenormalizes(input: IdentifierInput): boolean {
    return normalizeIdentifier(input, CN).ok && renormalizes(input);
  }

  const separated = (digits: string[]) =>
    fc
      .array(fc.constantFrom('', ' ', '-'), {
        minLength: digits.length,
        maxLength: digits.length,
      })
      .map((separators) => digits.map((digit, i) => digit + separators[i]).join(''));

  it('accepts every QQ number, labelled or not, and its canonical value is stable', () => {
    const qq = fc
      .tuple(
        fc.integer({ min: 10_000, max: 99_999_999_999 }),
        fc.constantFrom('', 'QQ:', 'qq ', 'QQ：'),
      )
      .map(([number, label]) => of('qq', `${label}${number}`));
    fc.assert(fc.property(qq, acceptsAndRenormalizes));
  });

  it('gives a stable E.164 value for CN mobiles in any spacing', () => {
    const mobile = fc
      .tuple(fc.constantFrom('+86', '0086', ''), fc.stringMatching(/^1(3\d|5[0-35-9]|8\d)\d{8}$/))
      .chain(([prefix, digits]) => separated([...digits]).map((text) => prefix + text))
      .map((text) => of('phone', text));
    fc.assert(fc.property(mobile, acceptsAndRenormalizes));
  });

  it('gives a stable E.164 value for any region’s number in international form, in any spacing', () => {
    const international = fc
      .constantFrom(...getCountries())
      .map((country) => getExampleNumber(country, mobileExamples)?.number ?? '')
      .chain((e164) => separated([...e164.slice(1)]).map((text) => `+${text}`))
      .map((text) => of('phone', text));
    fc.assert(fc.property(international, acceptsAndRenormalizes));
  });

  it('gives a stable value for any phone-like text it accepts', () => {
    const text = fc.stringMatching(/^\+?[\d ()-]{5,20}$/).map((value) => of('phone', value));
    fc.assert(fc.property(text, renormalizes));
  });

  it('accepts every well-formed WeChat ID and its canonical value is stable', () => {
    const id = fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9_-]{5,19}$/)
      .map((value) => of('wechat', value));
    fc.assert(fc.property(id, acceptsAndRenormalizes));
  });

  it('gives a stable value for any email address it accepts', () => {
    const email = fc
      .tuple(fc.emailAddress(), fc.boolean())
      .map(([value, shout]) => of('email', shout ? value.toUpperCase() : value));
    fc.assert(fc.property(email, renormalizes));
  });

  it('gives a stable value for any order number or bank account it accepts', () => {
    const orderId = fc
      .stringMatching(/^[a-zA-Z0-9_ -]{4,70}$/)
      .map((value) => of('order_id', value));
    const bank = fc
      .stringMatching(/^[a-zA-Z0-9 -]{8,40}$/)
      .map((value) => paymentAccount('bank', value));
    fc.assert(fc.property(fc.oneof(orderId, bank), renormalizes));
  });

  it('gives a stable value for any web address it accepts', () => {
    const url = fc
      .webUrl({ withQueryParameters: true, withFragments: true })
      .chain((value) => fc.constantFrom(value, value.replace(/^https?:\/\//, '')))
      .filter((value) => value.length <= 200)
      .map((value) => of('url', value));
    fc.assert(fc.property(url, renormalizes));
  });

  it('never throws on arbitrary text, and what it accepts is stable, for every kind', () => {
    const input = fc.record({
      kind: fc.constantFrom(...IDENTIFIER_KINDS),
      value: fc.string({ unit: 'grapheme', maxLength: 40 }),
    });
    const scoped = (candidate: IdentifierInput): IdentifierInput =>
      candidate.kind === 'platform_account'
        ? { ...candidate, platform: 'taobao' }
        : candidate.kind === 'payment_account'
          ? { ...candidate, provider: 'alipay' }
          : candidate;
    fc.assert(fc.property(input, (candidate) => renormalizes(scoped(candidate))));
  });
});
