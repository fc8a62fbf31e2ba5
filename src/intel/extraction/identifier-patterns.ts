// Regex sources shared by the labelled and the unlabelled finders. Each carries its own
// boundaries, so that no value is read out of the middle of a longer run of digits or letters.

export const EMAIL = String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])`;

// A number glued to a letter, an "@", a "/" or an "=" is part of a handle, a mailbox or a link.
const PHONE_BEFORE = String.raw`(?<![\w+@/=])`;
const PHONE_AFTER = String.raw`(?![\w@])`;

/** A Chinese mobile in the groupings people write: 13800138000, 138 0013 8000, +86-138-0013-8000. */
export const CN_MOBILE = String.raw`${PHONE_BEFORE}(?:(?:\+|00) ?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}${PHONE_AFTER}`;

/** Any number in international form; groups after the real number are trimmed off later. */
export const INTERNATIONAL_PHONE = String.raw`${PHONE_BEFORE}\+\d+(?:[ .()-]{1,3}\d+)*${PHONE_AFTER}`;

const OCR_DIGITS = String.raw`\d(?:[\dOolI]*\d)?`;

// A group that a time ("14:32"), an amount ("200元") or a decimal begins is not part of a number.
const NOT_TIME_OR_AMOUNT = String.raw`(?! ?[:元块万千]|\.\d)`;

/**
 * Digits after a QQ label, with letters OCR reads for 0 and 1 allowed between digits, in groups
 * split by a space or a dash ("2847 5619 32", "2847-561-932").
 */
export const LABELLED_QQ = String.raw`(?<!\d)${OCR_DIGITS}(?:[ -]${OCR_DIGITS}${NOT_TIME_OR_AMOUNT})*(?!\d)`;

/** A phone number after a phone label, in any grouping, with OCR letters between digits. */
export const LABELLED_PHONE = String.raw`(?<!\d)\+?\(?${OCR_DIGITS}(?:[ .()-]{1,3}${OCR_DIGITS})*(?!\d)`;

/** A phone number after a payment label, where OCR repair is not trusted. */
export const PHONE_RUN = String.raw`(?<!\d)\+?\(?\d+(?:[ .()-]{1,3}\d+)*(?!\d)`;

/** The shapes the normaliser accepts: a letter then 5 to 19 more, or a legacy "wxid_". */
export const WECHAT_ID = String.raw`(?<![\w-])(?:wxid_[\w-]{1,25}|[a-z][\w-]{5,19})(?![\w-])`;

// ASCII only: Chinese text often follows a link with no space between.
const URL_CHARACTERS = String.raw`[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]`;

export const SCHEME_URL = String.raw`\bhttps?:\/\/${URL_CHARACTERS}+`;

/** A host with a dot, then an optional port and path, not part of an email or of a longer link. */
export const BARE_HOST = String.raw`(?<![\w@./:-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?![\w@-])(?::\d{1,5})?(?:\/${URL_CHARACTERS}*)?`;
