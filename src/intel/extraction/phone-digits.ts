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

const LAST_GROUP = /[ .()-]+\d+$/;

/**
 * The longest leading part of a run of digit groups that is a valid phone number: a run can
 * swallow a number written after it ("+44 20 7946 0958 2024"), and the real number comes first.
 */
export function longestPhonePrefix(run: string, region: CountryCode): string | undefined {
  let prefix = run;
  for (;;) {
    if (normalizeIdentifier({ kind: 'phone', value: prefix }, { defaultRegion: region }).ok) {
      return prefix;
    }
    const shorter = prefix.replace(LAST_GROUP, '');
    if (shorter === prefix) return undefined;
    prefix = shorter;
  }
}
