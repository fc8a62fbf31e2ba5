import fc from 'fast-check';
import { foldText } from './folded-text';

describe('foldText', () => {
  it.each([
    ['full-width digits and colon', 'ＱＱ：１２３４５', 'QQ:12345'],
    ['a full-width at sign', 'a＠b.com', 'a@b.com'],
    ['the ideographic space', '微信\u3000abc', '微信 abc'],
    ['text that needs no folding', '加我QQ 12345', '加我QQ 12345'],
    ['Han characters split by OCR spaces', '扣 扣  2847561932 加 我', '扣扣  2847561932 加我'],
    [
      'a label split by an ideographic space',
      '微\u3000信 号 : xw_chaping88',
      '微信号 : xw_chaping88',
    ],
  ])('folds %s', (_name, original, folded) => {
    expect(foldText(original).text).toBe(folded);
  });

  it('maps a span of folded full-width digits back to the same digits in the original', () => {
    const original = '电话：１３８ ００１３ ８０００。';
    const folded = foldText(original);
    const start = folded.text.indexOf('138');
    const end = start + '138 0013 8000'.length;
    const span = folded.originalSpan(start, end);
    expect(original.slice(span.start, span.end)).toBe('１３８ ００１３ ８０００');
  });

  it('maps every folded character of an expansion back to the one character it came from', () => {
    const folded = foldText('a㍱b');
    expect(folded.text).toBe('ahPab');
    expect(folded.originalSpan(1, 2)).toEqual({ start: 1, end: 2 });
    expect(folded.originalSpan(1, 4)).toEqual({ start: 1, end: 2 });
    expect(folded.originalSpan(4, 5)).toEqual({ start: 2, end: 3 });
  });

  it('counts a character outside the BMP as its two UTF-16 units, at either end of a span', () => {
    const folded = foldText('😀１２');
    expect(folded.text).toBe('😀12');
    expect(folded.originalSpan(2, 4)).toEqual({ start: 2, end: 4 });
    expect(foldText('１😀').originalSpan(0, 3)).toEqual({ start: 0, end: 3 });
  });

  it('never throws, and maps every folded character inside the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (original) => {
        const folded = foldText(original);
        for (let index = 0; index < folded.text.length; index++) {
          const span = folded.originalSpan(index, index + 1);
          if (span.start < 0 || span.end > original.length || span.start >= span.end) return false;
        }
        return true;
      }),
    );
  });
});

describe('foldText on OCR output', () => {
  it('maps a span after joined Han characters back to the original text', () => {
    const original = '扣 扣 2847561932';
    const folded = foldText(original);
    const start = folded.text.indexOf('2847561932');
    const span = folded.originalSpan(start, start + 10);
    expect(original.slice(span.start, span.end)).toBe('2847561932');
  });
});
