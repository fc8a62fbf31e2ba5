import type { Block } from 'tesseract.js';
import { withoutLettersReadTwice } from './letters-read-twice';

/** Symbols as [text, left, right], in a word, a line, a paragraph and a block of their own. */
function page(...words: [string, number, number][][]): Block[] {
  return words.map((symbols) => {
    const word = {
      text: symbols.map(([text]) => text).join(''),
      symbols: symbols.map(([text, x0, x1]) => ({ text, bbox: { x0, x1, y0: 0, y1: 20 } })),
    };
    return { paragraphs: [{ lines: [{ words: [word] }] }] } as unknown as Block;
  });
}

describe('withoutLettersReadTwice', () => {
  it('keeps once a letter read in both cases on top of itself', () => {
    // From the corpus: "加V信xw_chaping6714" read in a dark render.
    const blocks = page(
      [['信', 198, 225]],
      [
        ['X', 227, 242],
        ['x', 236, 248],
        ['w', 243, 267],
        ['_', 268, 286],
        ['c', 287, 301],
      ],
    );
    expect(withoutLettersReadTwice('加 V 信 Xxw_c\n', blocks)).toBe('加 V 信 Xw_c\n');
  });

  it('keeps two letters side by side, in either case', () => {
    const blocks = page([
      ['X', 100, 115],
      ['x', 118, 131],
      ['o', 134, 147],
      ['o', 150, 163],
    ]);
    expect(withoutLettersReadTwice('Xxoo\n', blocks)).toBe('Xxoo\n');
  });

  it('keeps letters of one case even when their boxes are one', () => {
    const blocks = page([
      ['o', 10, 20],
      ['o', 10, 20],
    ]);
    expect(withoutLettersReadTwice('oo\n', blocks)).toBe('oo\n');
  });

  it('leaves digits and Han characters alone', () => {
    const blocks = page([
      ['1', 10, 20],
      ['1', 12, 21],
    ]);
    expect(withoutLettersReadTwice('11\n', blocks)).toBe('11\n');
  });

  it('mends each word at its own place in the text', () => {
    const blocks = page(
      [
        ['V', 217, 240],
        ['v', 229, 242],
        ['x', 242, 264],
      ],
      [['a', 300, 310]],
      [
        ['X', 400, 415],
        ['x', 405, 416],
        ['y', 418, 430],
      ],
    );
    expect(withoutLettersReadTwice('Vvx a\nXxy\n', blocks)).toBe('Vx a\nXy\n');
  });

  it('gives the text as read without a layout', () => {
    expect(withoutLettersReadTwice('Xxw\n', [])).toBe('Xxw\n');
  });
});
