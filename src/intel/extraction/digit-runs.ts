import type { CountryCode } from 'libphonenumber-js/max';
import { normalizeIdentifier } from '../../identifiers/normalize-identifier';

const OCR_MISREADS = /[OolI]/g;
const OCR_DIGIT: Record<string, string> = { O: '0', o: '0', l: '1', I: '1' };
// More misread letters than this and the run is more likely a word than a number.
const MAX_OCR_REPAIRS = 2;

/** Letters that OCR reads for 0 and 1, turned back into digits; same length as the run. */
export function repairOcrDigits(run: string): { digits: string; repaired: boolean } | undefined {
  const repairs = run.match(OCR_MISREADS)?.length ?? 0;
  if (repairs > MAX_OCR_REPAIRS) return undefined;
  return {
    digits: run.replace(OCR_MISREADS, (letter) => OCR_DIGIT[letter]),
    repaired: repairs > 0,
  };
}

const LAST_PHONE_GROUP = /[ .()-]+\d+$/;
const LAST_QQ_GROUP = /[ -]\d+$/;
const QQ_NUMBER = /^[1-9]\d{4,10}$/;

/**
 * The longest leading part of a run of digit groups that is a valid phone number: a run can
 * swallow a number written after it ("+44 20 7946 0958 2024"), and the real number comes first.
 */
export function longestPhonePrefix(run: string, region: CountryCode): string | undefined {
  return longestPrefix(
    run,
    LAST_PHONE_GROUP,
    (prefix) => normalizeIdentifier({ kind: 'phone', value: prefix }, { defaultRegion: region }).ok,
  );
}

/**
 * The longest leading part of digit groups ("2847 5619 32", "2847-561-932") whose digits make a
 * QQ number, so that a number written after it ("QQ 2847561932 2026") is left out.
 */
export function longestQqPrefix(digitRun: string): string | undefined {
  return longestPrefix(digitRun, LAST_QQ_GROUP, (prefix) =>
    QQ_NUMBER.test(prefix.replace(/[ -]/g, '')),
  );
}

function longestPrefix(
  run: string,
  lastGroup: RegExp,
  accept: (prefix: string) => boolean,
): string | undefined {
  let prefix = run;
  for (;;) {
    if (accept(prefix)) return prefix;
    const shorter = prefix.replace(lastGroup, '');
    if (shorter === prefix) return undefined;
    prefix = shorter;
  }
}
