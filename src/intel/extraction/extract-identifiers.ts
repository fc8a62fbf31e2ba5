import type { CountryCode } from 'libphonenumber-js/max';
import {
  normalizeIdentifier,
  type NormalizedIdentifier,
} from '../../identifiers/normalize-identifier';
import { foldText } from './folded-text';
import type { Candidate } from './identifier-candidate';
import { findLabelledIdentifiers } from './labelled-identifiers';
import { findUnlabelledIdentifiers } from './unlabelled-identifiers';

export interface ExtractedIdentifier {
  /** Canonical, so it matches the same handle typed into a report. */
  identifier: NormalizedIdentifier;
  /** From 0 to 1: how sure the extraction is that the value is this kind of identifier. */
  confidence: number;
  /** UTF-16 offsets of the value in the text as given (not in its NFKC folding). */
  start: number;
  end: number;
}

/**
 * Identifiers found in free text, such as OCR output of a chat screenshot: each one once, at its
 * first place, with the highest confidence any of its mentions earned, in order of position.
 */
export function extractIdentifiers(
  text: string,
  options: { defaultRegion: CountryCode },
): ExtractedIdentifier[] {
  const folded = foldText(text);
  const candidates = withoutPhonesInQqNumbers([
    ...findLabelledIdentifiers(folded.text, options.defaultRegion),
    ...findUnlabelledIdentifiers(folded.text, options.defaultRegion),
  ]);
  const extracted = candidates.flatMap((candidate) => {
    const result = normalizeIdentifier(candidate.input, options);
    if (!result.ok) return [];
    const span = folded.originalSpan(candidate.start, candidate.end);
    return [{ identifier: result.identifier, confidence: candidate.confidence, ...span }];
  });
  return keepBestOfEach(extracted.sort((a, b) => a.start - b.start));
}

/** A number that a QQ label names is a QQ number, even when its digits would also dial. */
function withoutPhonesInQqNumbers(candidates: Candidate[]): Candidate[] {
  const qqNumbers = candidates.filter((candidate) => candidate.input.kind === 'qq');
  return candidates.filter(
    (candidate) =>
      candidate.input.kind !== 'phone' ||
      !qqNumbers.some((qq) => qq.start < candidate.end && candidate.start < qq.end),
  );
}

function keepBestOfEach(extracted: ExtractedIdentifier[]): ExtractedIdentifier[] {
  const firstByKey = new Map<string, ExtractedIdentifier>();
  for (const found of extracted) {
    const { kind, scope, value } = found.identifier;
    const key = `${kind}\u0000${scope}\u0000${value}`;
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, { ...found });
    else first.confidence = Math.max(first.confidence, found.confidence);
  }
  return [...firstByKey.values()];
}
