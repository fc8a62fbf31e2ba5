const HAN = /\p{Script=Han}/u;
const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * Lines of a bubble no wider than `maxWidth`. A line breaks only between two Han characters
 * (or after Chinese punctuation before one) and at a space between two Latin words, never inside
 * or beside a run of digits or an ASCII handle: the corpus expects each identifier, with its
 * label, on one line. A run wider than a whole line is cut where it must. "\n" breaks a line.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  widthOf: (text: string) => number,
): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, widthOf));
}

function wrapParagraph(
  paragraph: string,
  maxWidth: number,
  widthOf: (text: string) => number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const segment of unbreakableSegments(paragraph)) {
    const joined = line === '' ? segment.trimStart() : line + segment;
    if (widthOf(joined.trimEnd()) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line.trimEnd());
    line = segment.trimStart();
    while (widthOf(line) > maxWidth) {
      const fits = longestFittingPrefix(line, maxWidth, widthOf);
      lines.push(fits);
      line = line.slice(fits.length);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Pieces between break opportunities; a breaking space stays at the start of its piece. */
function unbreakableSegments(paragraph: string): string[] {
  const chars = Array.from(paragraph);
  const segments: string[] = [];
  let current = '';
  chars.forEach((char, index) => {
    if (index > 0 && mayBreakBefore(chars, index)) {
      segments.push(current);
      current = '';
    }
    current += char;
  });
  segments.push(current);
  return segments;
}

function mayBreakBefore(chars: string[], index: number): boolean {
  const before = chars[index - 1];
  const char = chars[index];
  if (HAN.test(char) && (HAN.test(before) || CJK_PUNCTUATION.test(before))) return true;
  return char === ' ' && LATIN_LETTER.test(before) && LATIN_LETTER.test(chars[index + 1] ?? '');
}

function longestFittingPrefix(
  text: string,
  maxWidth: number,
  widthOf: (text: string) => number,
): string {
  const chars = Array.from(text);
  let count = 1;
  while (count < chars.length && widthOf(chars.slice(0, count + 1).join('')) <= maxWidth) {
    count += 1;
  }
  return chars.slice(0, count).join('');
}
