/** Text folded with NFKC, with a way back to the characters of the original. */
export interface FoldedText {
  text: string;
  /** The span of the original text that a non-empty span of the folded text came from. */
  originalSpan(start: number, end: number): { start: number; end: number };
}

/**
 * Folds one code point at a time, so that every folded character knows which original character
 * it came from: NFKC can turn one character into several ("㍱" into "hPa"). Folding the whole
 * string at once would also compose combining marks across code points, which no identifier or
 * amount is written with.
 */
export function foldText(original: string): FoldedText {
  const pieces: string[] = [];
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  let offset = 0;
  for (const codePoint of original) {
    const folded = codePoint.normalize('NFKC');
    pieces.push(folded);
    for (let unit = 0; unit < folded.length; unit++) {
      sourceStart.push(offset);
      sourceEnd.push(offset + codePoint.length);
    }
    offset += codePoint.length;
  }
  return {
    text: pieces.join(''),
    originalSpan: (start, end) => ({ start: sourceStart[start], end: sourceEnd[end - 1] }),
  };
}
