import type { CountryCode } from 'libphonenumber-js/max';
import { CONFIDENCE, type Candidate } from './identifier-candidate';
import {
  BARE_HOST,
  CN_MOBILE,
  EMAIL,
  INTERNATIONAL_PHONE,
  SCHEME_URL,
} from './identifier-patterns';
import { longestPhonePrefix } from './digit-runs';

const BARE_PHONE = new RegExp(`${CN_MOBILE}|${INTERNATIONAL_PHONE}`, 'g');
const EMAIL_ADDRESS = new RegExp(EMAIL, 'g');
// One pattern, so that a link is read whole and the hosts inside it are not read again.
const WEB_ADDRESS = new RegExp(`(${SCHEME_URL})|${BARE_HOST}`, 'gi');
const LEGACY_WXID = /(?<![\w-])wxid_[\w-]{1,25}(?![\w-])/gi;
const QQ_MAILBOX = /^([1-9]\d{4,10})@qq\.com$/i;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;

// A bare host must look like one on its own: "file.pdf" or "ok.thanks" must not become links.
const COMMON_TLDS = new Set([
  ...'com net org cn hk tw me io co cc tv ly gl to top xyz vip info biz'.split(' '),
  ...'shop store site online club app link uk us de fr jp kr ru sg my au ca in'.split(' '),
]);

/** Values whose shape says what they are: mobiles, international numbers, emails, links, wxids. */
export function findUnlabelledIdentifiers(text: string, region: CountryCode): Candidate[] {
  return [
    ...findPhones(text, region),
    ...findEmails(text),
    ...findWebAddresses(text),
    ...findWxids(text),
  ];
}

function findPhones(text: string, region: CountryCode): Candidate[] {
  return Array.from(text.matchAll(BARE_PHONE)).flatMap((match) => {
    const phone = longestPhonePrefix(match[0], region);
    if (phone === undefined) return [];
    return [
      {
        input: { kind: 'phone' as const, value: phone },
        confidence: CONFIDENCE.unlabelled,
        start: match.index,
        end: match.index + phone.length,
      },
    ];
  });
}

/** Every email, and the QQ number behind a numeric QQ Mail address. */
function findEmails(text: string): Candidate[] {
  return Array.from(text.matchAll(EMAIL_ADDRESS)).flatMap((match) => {
    const start = match.index;
    const email: Candidate = {
      input: { kind: 'email', value: match[0] },
      confidence: CONFIDENCE.selfEvident,
      start,
      end: start + match[0].length,
    };
    const qq = QQ_MAILBOX.exec(match[0])?.[1];
    if (qq === undefined) return [email];
    const mailbox: Candidate = {
      input: { kind: 'qq', value: qq },
      confidence: CONFIDENCE.distinctiveShape,
      start,
      end: start + qq.length,
    };
    return [email, mailbox];
  });
}

function findWebAddresses(text: string): Candidate[] {
  return Array.from(text.matchAll(WEB_ADDRESS)).flatMap((match) => {
    const withScheme = match[1] !== undefined;
    const address = match[0].replace(TRAILING_PUNCTUATION, '');
    if (!withScheme && !looksLikeHost(address)) return [];
    return [
      {
        input: { kind: 'url' as const, value: address },
        confidence: withScheme ? CONFIDENCE.selfEvident : CONFIDENCE.unlabelled,
        start: match.index,
        end: match.index + address.length,
      },
    ];
  });
}

function looksLikeHost(address: string): boolean {
  const [hostAndPort, ...path] = address.split('/');
  const host = hostAndPort.replace(/:\d+$/, '').toLowerCase();
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return COMMON_TLDS.has(tld) || host.startsWith('www.') || path.join('/') !== '';
}

/** Legacy WeChat IDs carry their kind in their name. */
function findWxids(text: string): Candidate[] {
  return Array.from(text.matchAll(LEGACY_WXID), (match) => ({
    input: { kind: 'wechat' as const, value: match[0] },
    confidence: CONFIDENCE.distinctiveShape,
    start: match.index,
    end: match.index + match[0].length,
  }));
}
