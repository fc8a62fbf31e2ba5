import type { CountryCode } from 'libphonenumber-js/max';
import { CONFIDENCE, matchAt, type Candidate } from './identifier-candidate';
import {
  CN_MOBILE,
  INTERNATIONAL_PHONE,
  LABELLED_PHONE,
  LABELLED_QQ,
  WECHAT_ID,
} from './identifier-patterns';
import { longestPhonePrefix, longestQqPrefix, repairOcrDigits } from './digit-runs';
import { readPaymentAccount, walletNamed } from './payment-accounts';

/** A label, what may stand between it and its value, and how the value is read. */
interface LabelRule {
  label: RegExp;
  gap: RegExp;
  read(text: string, at: number, region: CountryCode, labelStart: number): Candidate[];
}

// "加Q" only counts with the 加, and a lone "q" only before a colon or 号: elsewhere it is a letter.
// OCR spaces between Han characters are folded away, but not one between a Latin letter and a Han
// character: "Q 号", "V 信". Tesseract's Chinese model reads a lone Latin letter twice at times:
// "vx" as "VvXx", "wx" as "WwWx".
// OCR reads 鹅 as many another character (企员, 企玫, 企钢 on the corpus): 企, one Han character
// and 号 is a QQ label too, but not 企业号, an enterprise account.
const QQ_LABEL =
  /(?:(?<![a-z])qq|(?<=加)q|扣扣|企鹅|球球)(?:\s*号码?)?|企(?!业)\p{Script=Han}号|(?<![a-z])q ?号码?|(?<![a-z])q(?=\s*:)/giu;
const WECHAT_LABEL =
  /(?:微信|威信|v ?信|(?<![a-z0-9_])(?:wechat|weixin|w+x+|v+x+)(?![a-z0-9_]))(?:\s*(?:号|账号|id(?![a-z0-9_])))?/gi;
const PHONE_LABEL =
  /电话|手机|致电|(?<![a-z])(?:tel(?:ephone)?|phone|mobile|cell(?:phone)?|call)(?![a-z])/gi;
const ALIPAY_LABEL = /支付宝|(?<![a-z])alipay(?![a-z])/gi;
// Not the host of a paypal.me link, which is read as a link.
const PAYPAL_LABEL = /(?<![a-z])paypal(?![a-z.])/gi;
// Where to pay: 收款, 收款账号, 收款人, 转账到, 转账给, 转到, 转给.
const PAYMENT_WORD = /收款(?:账号|账户|人)?|转账(?:到|给)?|转(?:到|给)/g;

// QQ numbers and WeChat IDs follow their label directly: a wider gap would let a WeChat label
// claim the next English word.
const SEPARATOR_GAP = /^\s*(?:(?::|是|is)\s*)?$/i;
// "打电话给我 138…", "call me at +1 …": a few words, but no digits and not past the clause.
const PHONE_GAP = /^[^\d\n+(,;。!?]{0,10}$/;
const PAYMENT_GAP = /^[^\d\n+(,;。!?@]{0,12}$/;
const MAX_GAP = 12;

const LABELLED_QQ_VALUE = new RegExp(LABELLED_QQ, 'y');
const LABELLED_PHONE_VALUE = new RegExp(LABELLED_PHONE, 'y');
const WECHAT_ID_VALUE = new RegExp(WECHAT_ID, 'iy');
const MOBILE_VALUE = new RegExp(`${CN_MOBILE}|${INTERNATIONAL_PHONE}`, 'y');
const LETTERS_ONLY = /^[a-z]+$/i;

const RULES: LabelRule[] = [
  { label: QQ_LABEL, gap: SEPARATOR_GAP, read: readQq },
  { label: PHONE_LABEL, gap: PHONE_GAP, read: readLabelledPhone },
  { label: WECHAT_LABEL, gap: SEPARATOR_GAP, read: readWechat },
  {
    label: ALIPAY_LABEL,
    gap: PAYMENT_GAP,
    read: (text, at, region) => readPaymentAccount('alipay', text, at, region),
  },
  {
    label: PAYPAL_LABEL,
    gap: PAYMENT_GAP,
    read: (text, at, region) => readPaymentAccount('paypal', text, at, region),
  },
  {
    label: PAYMENT_WORD,
    gap: PAYMENT_GAP,
    read: (text, at, region, labelStart) =>
      readPaymentAccount(walletNamed(text, labelStart, at), text, at, region),
  },
];

/** Values that a label names: QQ numbers, phones, WeChat IDs and payment accounts. */
export function findLabelledIdentifiers(text: string, region: CountryCode): Candidate[] {
  return RULES.flatMap((rule) =>
    Array.from(text.matchAll(rule.label), (label) =>
      readAfterLabel(text, label.index, label.index + label[0].length, rule, region),
    ).flat(),
  );
}

/** The nearest value after the label, with only what the rule allows between them. */
function readAfterLabel(
  text: string,
  labelStart: number,
  labelEnd: number,
  rule: LabelRule,
  region: CountryCode,
): Candidate[] {
  const lastStart = Math.min(text.length, labelEnd + MAX_GAP);
  for (let at = labelEnd; at <= lastStart; at++) {
    if (!rule.gap.test(text.slice(labelEnd, at))) continue;
    const candidates = rule.read(text, at, region, labelStart);
    if (candidates.length > 0) return candidates;
  }
  return [];
}

// A grouped number that ends at a dash ("550-570-") was cut off: OCR read a line twice, once in
// part.
const CUT_OFF = /^-(?!\d)/;

function readQq(text: string, at: number): Candidate[] {
  const run = matchAt(LABELLED_QQ_VALUE, text, at);
  if (run !== undefined && CUT_OFF.test(text.slice(at + run.length))) return [];
  const repair = run === undefined ? undefined : repairOcrDigits(run);
  const number = repair === undefined ? undefined : longestQqPrefix(repair.digits);
  if (run === undefined || number === undefined) return [];
  const repaired = run.slice(0, number.length) !== number;
  return [
    {
      input: { kind: 'qq', value: number.replace(/[ -]/g, '') },
      confidence: repaired ? CONFIDENCE.ocrRepaired : CONFIDENCE.labelled,
      start: at,
      end: at + number.length,
    },
  ];
}

function readLabelledPhone(text: string, at: number, region: CountryCode): Candidate[] {
  const run = matchAt(LABELLED_PHONE_VALUE, text, at);
  const repair = run === undefined ? undefined : repairOcrDigits(run);
  if (repair === undefined) return [];
  const confidence = repair.repaired ? CONFIDENCE.ocrRepaired : CONFIDENCE.labelled;
  return phoneCandidates(repair.digits, at, region, confidence);
}

/** A WeChat ID, or a mobile number: a WeChat account can be found by the phone it is bound to. */
function readWechat(text: string, at: number, region: CountryCode): Candidate[] {
  const id = matchAt(WECHAT_ID_VALUE, text, at);
  if (id !== undefined) {
    // A label followed by a plain word is as often English prose ("wechat please") as an ID.
    const confidence = LETTERS_ONLY.test(id) ? CONFIDENCE.unlabelled : CONFIDENCE.labelled;
    return [{ input: { kind: 'wechat', value: id }, confidence, start: at, end: at + id.length }];
  }
  const mobile = matchAt(MOBILE_VALUE, text, at);
  return mobile === undefined ? [] : phoneCandidates(mobile, at, region, CONFIDENCE.labelled);
}

function phoneCandidates(
  run: string,
  at: number,
  region: CountryCode,
  confidence: number,
): Candidate[] {
  const phone = longestPhonePrefix(run, region);
  if (phone === undefined) return [];
  return [
    { input: { kind: 'phone', value: phone }, confidence, start: at, end: at + phone.length },
  ];
}
