import type { CountryCode } from 'libphonenumber-js/max';
import type { PaymentProvider } from '../../identifiers/identifier-kind';
import { longestPhonePrefix } from './digit-runs';
import { CONFIDENCE, matchAt, type Candidate } from './identifier-candidate';
import { EMAIL, PHONE_RUN, WECHAT_ID } from './identifier-patterns';

const EMAIL_VALUE = new RegExp(EMAIL, 'y');
const PHONE_RUN_VALUE = new RegExp(PHONE_RUN, 'y');
const WECHAT_ID_VALUE = new RegExp(WECHAT_ID, 'iy');

const WALLETS: [name: RegExp, provider: PaymentProvider][] = [
  [/支付宝|(?<![a-z])alipay(?![a-z])/i, 'alipay'],
  [/微信|威信|v ?信|(?<![a-z])(?:wechat|weixin|wx|vx)(?![a-z])/i, 'wechat_pay'],
  [/(?<![a-z])paypal(?![a-z])/i, 'paypal'],
  [/银行|卡号/, 'bank'],
];
// "支付宝收款", "微信转账给": the wallet is named just before the payment word, in its clause.
const WALLET_BEFORE_WORD = 6;
const CLAUSE_BREAK = /[\n,;。!?]/;
const CARD_RUN = /^\d[\d -]*$/;
const CARD_DIGITS = /^\d{16,19}$/;

/**
 * The wallet a payment phrase names, from just before its payment word ("支付宝收款") to where its
 * account begins ("转账到支付宝 ..."); undefined when it names none.
 */
export function walletNamed(
  text: string,
  wordStart: number,
  accountStart: number,
): PaymentProvider | undefined {
  const before =
    text
      .slice(Math.max(0, wordStart - WALLET_BEFORE_WORD), wordStart)
      .split(CLAUSE_BREAK)
      .pop() ?? '';
  const phrase = before + text.slice(wordStart, accountStart);
  return WALLETS.find(([name]) => name.test(phrase))?.[1];
}

/**
 * The payment account at `at`, and the email, phone or WeChat ID that it is, each its own
 * identifier. With no wallet named, an email address or a phone number is an Alipay account
 * (the wallet that people pay by address or number; WeChat Pay pays a WeChat friend) and a card
 * number a bank account; a handle is read only where WeChat is named.
 */
export function readPaymentAccount(
  provider: PaymentProvider | undefined,
  text: string,
  at: number,
  region: CountryCode,
): Candidate[] {
  const email = matchAt(EMAIL_VALUE, text, at);
  if (email !== undefined) return accountAndHandle(provider ?? 'alipay', 'email', email, at);
  if (provider === 'wechat_pay') {
    const id = matchAt(WECHAT_ID_VALUE, text, at);
    if (id !== undefined) return accountAndHandle(provider, 'wechat', id, at);
  }
  const run = matchAt(PHONE_RUN_VALUE, text, at);
  if (run === undefined) return [];
  if ((provider === undefined || provider === 'bank') && isBankCard(run)) {
    const card = run.replace(/[ -]/g, '');
    const span = { confidence: CONFIDENCE.labelled, start: at, end: at + run.length };
    return [{ input: { kind: 'payment_account', provider: 'bank', value: card }, ...span }];
  }
  const phone = provider === 'bank' ? undefined : longestPhonePrefix(run, region);
  return phone === undefined ? [] : accountAndHandle(provider ?? 'alipay', 'phone', phone, at);
}

function accountAndHandle(
  provider: PaymentProvider,
  kind: 'email' | 'phone' | 'wechat',
  value: string,
  at: number,
): Candidate[] {
  const span = { confidence: CONFIDENCE.labelled, start: at, end: at + value.length };
  return [
    { input: { kind: 'payment_account', provider, value }, ...span },
    { input: { kind, value }, ...span },
  ];
}

/** 16 to 19 digits, grouped or not, that pass the Luhn check every bank card number passes. */
function isBankCard(run: string): boolean {
  const digits = run.replace(/[ -]/g, '');
  if (!CARD_RUN.test(run) || !CARD_DIGITS.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
