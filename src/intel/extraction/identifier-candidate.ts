import type { IdentifierInput } from '../../identifiers/normalize-identifier';

/** A value found in folded text, before the normaliser decides whether it is one. */
export interface Candidate {
  input: IdentifierInput;
  confidence: number;
  /** Offsets into the folded text. */
  start: number;
  end: number;
}

/**
 * How sure a find is that it is the kind it was read as. A label says so outright, and so does a
 * shape only that kind has; a bare number shaped like a phone can still be something else; digits
 * repaired from letters that OCR misread may be misread in other places too.
 */
export const CONFIDENCE = {
  labelled: 0.9,
  selfEvident: 0.9,
  distinctiveShape: 0.8,
  unlabelled: 0.7,
  ocrRepaired: 0.6,
} as const;

/** A sticky pattern's match starting exactly at `at`. */
export function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}
