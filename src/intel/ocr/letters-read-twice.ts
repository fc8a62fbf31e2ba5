import type { Block } from 'tesseract.js';

interface OcrSymbol {
  text: string;
  bbox: { x0: number; x1: number };
}

const LATIN_LETTER = /^[a-z]$/i;

// Two letters side by side span twice the width of one and more; a glyph read twice spans little
// more than itself. On the corpus a glyph read twice spans at most 1.4 times its wider reading.
const MAX_SPAN_OF_ONE_GLYPH = 1.5;

/**
 * Whether `second` is `first` read again: tesseract's Chinese model at times reads one Latin
 * letter twice, in both cases ("x" as "Xx", "v" as "Vv"), with the boxes of the two readings on
 * top of each other. Letters of the same case are left alone: tesseract gives some words one box
 * for every symbol, so a genuine "oo" could not be told from one read twice.
 */
function readTwice(first: OcrSymbol, second: OcrSymbol): boolean {
  if (!LATIN_LETTER.test(first.text) || first.text === second.text) return false;
  if (first.text.toLowerCase() !== second.text.toLowerCase()) return false;
  const span = Math.max(first.bbox.x1, second.bbox.x1) - Math.min(first.bbox.x0, second.bbox.x0);
  const wider = Math.max(first.bbox.x1 - first.bbox.x0, second.bbox.x1 - second.bbox.x0);
  return wider > 0 && span < wider * MAX_SPAN_OF_ONE_GLYPH;
}

/**
 * The page's text with each letter that tesseract read twice kept once ("Xxw_chaping6714" becomes
 * "Xw_chaping6714"): the extra letter would make a WeChat ID that is not on the screen. `blocks`
 * is tesseract.js's layout of the same recognition as `text`.
 */
export function withoutLettersReadTwice(text: string, blocks: readonly Block[]): string {
  let result = '';
  let cursor = 0;
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const symbols = word.symbols;
          const kept = symbols.filter((symbol, i) => i === 0 || !readTwice(symbols[i - 1], symbol));
          const at = text.indexOf(word.text, cursor);
          // A word whose symbols do not spell it is left as read.
          if (kept.length === symbols.length || at < 0) continue;
          if (symbols.map((symbol) => symbol.text).join('') !== word.text) continue;
          result += text.slice(cursor, at) + kept.map((symbol) => symbol.text).join('');
          cursor = at + word.text.length;
        }
      }
    }
  }
  return result + text.slice(cursor);
}
