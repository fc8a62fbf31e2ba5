import fc from 'fast-check';
import { safeFileName } from './file-name';

describe('the file name kept with evidence', () => {
  it.each([
    ['chat.png', 'chat.png'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\li\\订单.csv', '订单.csv'],
    ['evil\u0000.png', 'evil.png'],
    ['photo\u202Egnp.exe', 'photognp.exe'],
    ['..', 'unnamed'],
    ['', 'unnamed'],
    [undefined, 'unnamed'],
  ])('keeps %j as %j', (name, kept) => expect(safeFileName(name)).toBe(kept));

  it('cuts a 300-character name to 255 characters', () => {
    expect(Array.from(safeFileName('图'.repeat(300))).length).toBe(255);
  });

  it('never keeps a separator or a control character, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const kept = safeFileName(name);
        // eslint-disable-next-line no-control-regex -- asserting there are none
        expect(kept).not.toMatch(/[\\/\u0000-\u001f\u202e]/);
        expect(Array.from(kept).length).toBeLessThanOrEqual(255);
        expect(kept.length).toBeGreaterThan(0);
      }),
    );
  });
});
