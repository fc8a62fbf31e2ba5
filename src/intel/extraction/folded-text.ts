/** Text folded with NFKC, with a way back to the characters of the original. */
export interface FoldedText {
  text: string;
  /** The span of the original text that a non-empty span of the folded text came from. */
  originalSpan(start: number, end: number): { start: number; end: number };
}

const HAN = /\p{Script=Han}/u;
const SPACE = /^\s$/u;

/**
 * Folds one code point at a time, so that every folded character knows which original character
 * it came from: NFKC can turn one character into several ("㍱" into "hPa"). Folding the whole
 * string at once would also compose combining marks across code points, which no identifier or
 * amount is written with.
 *
 * Spaces between two Han characters are dropped: tesseract's Chinese model puts one between
 * every pair (`扣 扣`, `微 信 号`), which no label would match, and written Chinese has none.
 */
export function foldText(original: string): FoldedText {
  const pieces: string[] = [];
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  const codePoints = Array.from(original);
  let offset = 0;
  for (const [index, codePoint] of codePoints.entries()) {
    if (SPACE.test(codePoint) && splitsHan(codePoints, index)) {
      offset += codePoint.length;
      continue;
    }
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

/** Whether the space at `index` lies in a run of spaces between two Han characters. */
function splitsHan(codePoints: string[], index: number): boolean {
  let before = index - 1;
  while (before >= 0 && SPACE.test(codePoints[before])) before -= 1;
  let after = index + 1;
  while (after < codePoints.length && SPACE.test(codePoints[after])) after += 1;
  return (
    before >= 0 &&
    after < codePoints.length &&
    HAN.test(codePoints[before]) &&
    HAN.test(codePoints[after])
  );
}
