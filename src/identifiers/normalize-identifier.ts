import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { PLATFORMS, type Platform } from '../common/platform';
import { PAYMENT_PROVIDERS, type IdentifierKind, type PaymentProvider } from './identifier-kind';

export interface IdentifierInput {
  kind: IdentifierKind;
  value: string;
  platform?: Platform;
  provider?: PaymentProvider;
}

export interface NormalizedIdentifier {
  kind: IdentifierKind;
  /** The platform of a platform account, the provider of a payment account, '' otherwise. */
  scope: string;
  /** Canonical: two spellings of one handle give the same value. */
  value: string;
  /** What the seller typed, trimmed, for showing back to people. */
  display: string;
}

export type IdentifierResult =
  | { ok: true; identifier: NormalizedIdentifier }
  | { ok: false; field: 'value' | 'platform' | 'provider'; message: string };

type Refusal = Extract<IdentifierResult, { ok: false }>;
type Canonical = { ok: true; value: string } | { ok: false; message: string };

/** The input with its scope checked, so each kind's rule sees only what it needs. */
type Target =
  | { kind: 'platform_account'; platform: Platform }
  | { kind: 'payment_account'; provider: PaymentProvider }
  | { kind: Exclude<IdentifierKind, 'platform_account' | 'payment_account'> };

const MAX_INPUT_LENGTH = 200;
const MAX_PLATFORM_ACCOUNT_LENGTH = 100;

// Only what people put around digits; libphonenumber would otherwise pull a number out of
// arbitrary text ("call 138...") or read letters as keypad digits.
const PHONE_TEXT = /^\+?[\d\s().-]+$/;
const QQ_LABEL = /^qq\s*号?\s*[:：]?\s*/i;
const QQ_NUMBER = /^[1-9]\d{4,10}$/;
// The colon is required: "wx" and "vx" can begin a real WeChat ID.
const WECHAT_LABEL = /^(?:微信号?|wechat(?:\s*id)?|wx|vx)\s*[:：]\s*/i;
const WECHAT_ID = /^[a-z][a-z0-9_-]{5,19}$/;
const LEGACY_WXID = /^wxid_[a-z0-9_-]{1,25}$/;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const BANK_ACCOUNT = /^[A-Z0-9]{8,34}$/;
const ORDER_ID = /^[A-Z0-9_-]{4,64}$/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// A host with a dot, an optional port, then nothing or a path: "shop.example.com/x".
const BARE_HOST = /^[^\s/?#@:]+\.[^\s/?#@:]+(?::\d+)?(?:[/?#]|$)/;

export function normalizeIdentifier(
  input: IdentifierInput,
  options: { defaultRegion: CountryCode },
): IdentifierResult {
  const target = checkScope(input);
  if ('ok' in target) return target;

  // NFKC turns full-width digits, letters, "＠" and "：" into their ASCII forms.
  const text = input.value.normalize('NFKC').trim();
  if (text === '') return refuse('value', 'must not be empty');
  if (codePointLength(text) > MAX_INPUT_LENGTH) {
    return refuse('value', `must be at most ${MAX_INPUT_LENGTH} characters`);
  }

  const canonical = canonicalValue(target, text, options.defaultRegion);
  if (!canonical.ok) return refuse('value', canonical.message);
  return {
    ok: true,
    identifier: {
      kind: input.kind,
      scope: scopeOf(target),
      value: canonical.value,
      display: firstCodePoints(input.value.trim(), MAX_INPUT_LENGTH),
    },
  };
}

function checkScope(input: IdentifierInput): Target | Refusal {
  const { kind, platform, provider } = input;
  if (kind !== 'platform_account' && platform !== undefined) {
    return refuse('platform', 'only applies to platform accounts');
  }
  if (kind !== 'payment_account' && provider !== undefined) {
    return refuse('provider', 'only applies to payment accounts');
  }
  if (kind === 'platform_account') {
    if (platform === undefined) return refuse('platform', 'is required for a platform account');
    if (!isOneOf(PLATFORMS, platform)) return refuse('platform', 'is not a supported platform');
    return { kind, platform };
  }
  if (kind === 'payment_account') {
    if (provider === undefined) return refuse('provider', 'is required for a payment account');
    if (!isOneOf(PAYMENT_PROVIDERS, provider)) {
      return refuse('provider', 'is not a supported payment provider');
    }
    return { kind, provider };
  }
  return { kind };
}

function scopeOf(target: Target): string {
  if (target.kind === 'platform_account') return target.platform;
  if (target.kind === 'payment_account') return target.provider;
  return '';
}

function canonicalValue(target: Target, text: string, region: CountryCode): Canonical {
  switch (target.kind) {
    case 'platform_account':
      return canonicalPlatformAccount(text);
    case 'payment_account':
      return canonicalPaymentAccount(text, target.provider, region);
    case 'phone':
      return orRefuse(
        canonicalPhone(text, region),
        `is not a valid phone number for region ${region}`,
      );
    case 'qq':
      return orRefuse(
        canonicalQq(text),
        'is not a valid QQ number (5 to 11 digits, not starting with 0)',
      );
    case 'wechat':
      return orRefuse(
        canonicalWechat(text),
        'is not a valid WeChat ID (6 to 20 letters, digits, _ or -, starting with a letter)',
      );
    case 'email':
      return orRefuse(canonicalEmail(text), 'is not a valid email address');
    case 'order_id':
      return orRefuse(
        canonicalOrderId(text),
        'is not a valid order number (4 to 64 letters, digits, - or _)',
      );
    case 'url':
      return canonicalUrl(text);
  }
}

function canonicalPhone(text: string, region: CountryCode): string | undefined {
  if (!PHONE_TEXT.test(text)) return undefined;
  const phone = parsePhoneNumberFromString(text, region);
  return phone?.isValid() ? phone.number : undefined;
}

function canonicalQq(text: string): string | undefined {
  const digits = text.replace(QQ_LABEL, '').replace(/\s+/g, '');
  return QQ_NUMBER.test(digits) ? digits : undefined;
}

function canonicalWechat(text: string): string | undefined {
  const id = text.replace(WECHAT_LABEL, '').toLowerCase();
  return WECHAT_ID.test(id) || LEGACY_WXID.test(id) ? id : undefined;
}

function canonicalEmail(text: string): string | undefined {
  const email = text.toLowerCase();
  return EMAIL.test(email) ? email : undefined;
}

function canonicalBankAccount(text: string): string | undefined {
  const account = text.replace(/[\s-]+/g, '').toUpperCase();
  return BANK_ACCOUNT.test(account) ? account : undefined;
}

function canonicalOrderId(text: string): string | undefined {
  const orderId = text.replace(/\s+/g, '').toUpperCase();
  return ORDER_ID.test(orderId) ? orderId : undefined;
}

function canonicalPlatformAccount(text: string): Canonical {
  // Leading spaces and '@' together, so that "@ @name" and "@name" both end up as "name".
  const name = text
    .replace(/^[@\s]+/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (name === '') return { ok: false, message: 'must not be empty' };
  if (codePointLength(name) > MAX_PLATFORM_ACCOUNT_LENGTH) {
    return {
      ok: false,
      message: `must be at most ${MAX_PLATFORM_ACCOUNT_LENGTH} characters for a platform account`,
    };
  }
  return { ok: true, value: name };
}

/** A phone number, when the text is one, wins over the provider's other account forms. */
function canonicalPaymentAccount(
  text: string,
  provider: PaymentProvider,
  region: CountryCode,
): Canonical {
  switch (provider) {
    case 'alipay':
      return orRefuse(
        canonicalPhone(text, region) ?? canonicalEmail(text),
        'is not a valid Alipay account (a phone number or an email address)',
      );
    case 'wechat_pay':
      return orRefuse(
        canonicalPhone(text, region) ?? canonicalWechat(text),
        'is not a valid WeChat Pay account (a WeChat ID or a phone number)',
      );
    case 'paypal':
      return orRefuse(
        canonicalPhone(text, region) ?? canonicalEmail(text),
        'is not a valid PayPal account (an email address or a phone number)',
      );
    case 'bank':
      return orRefuse(
        canonicalBankAccount(text),
        'is not a valid bank account (8 to 34 letters and digits, such as a card number or an IBAN)',
      );
  }
}

function canonicalUrl(text: string): Canonical {
  const notWebAddress: Canonical = { ok: false, message: 'is not a web address (http or https)' };
  let withScheme: string;
  if (URL_SCHEME.test(text)) withScheme = text;
  else if (BARE_HOST.test(text)) withScheme = `https://${text}`;
  else return notWebAddress;

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return notWebAddress;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    return notWebAddress;
  }
  // A link with credentials is a phishing shape, and the credentials are not ours to store.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'must not contain a user name or password' };
  }
  const path = url.pathname === '/' && url.search === '' ? '' : url.pathname;
  return { ok: true, value: `${url.protocol}//${url.host}${path}${url.search}` };
}

function orRefuse(value: string | undefined, message: string): Canonical {
  return value === undefined ? { ok: false, message } : { ok: true, value };
}

function refuse(field: Refusal['field'], message: string): Refusal {
  return { ok: false, field, message };
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Lengths a person would count: an emoji or a rare CJK character is one, not two. */
function codePointLength(text: string): number {
  return Array.from(text).length;
}

function firstCodePoints(text: string, count: number): string {
  return Array.from(text).slice(0, count).join('');
}

/** The same handle typed twice in one list is kept once, in its first place. */
export function uniqueIdentifiers(identifiers: NormalizedIdentifier[]): NormalizedIdentifier[] {
  const seen = new Set<string>();
  return identifiers.filter((identifier) => {
    const key = `${identifier.kind}\u0000${identifier.scope}\u0000${identifier.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
