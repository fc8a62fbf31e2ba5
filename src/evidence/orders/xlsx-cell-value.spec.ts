import { toCellValue } from './xlsx-cell-value';

describe('reducing an exceljs cell value', () => {
  const date = new Date(Date.UTC(2026, 10, 18, 9, 30));

  it.each([
    ['text', 'x', 'x'],
    ['a number', 0.1, 0.1],
    ['a date', date, date],
    ['nothing', undefined, null],
    ['true', true, 'TRUE'],
    ['rich text', { richText: [{ text: '买家' }, { font: {}, text: 'A' }] }, '买家A'],
    ['a hyperlink', { text: 'shop', hyperlink: 'http://example.test' }, 'shop'],
    ['a hyperlink with rich text', { text: { richText: [{ text: 'a' }] }, hyperlink: 'x' }, 'a'],
    ['a formula with its result', { formula: 'A1&"x"', result: '1x' }, '1x'],
    ['a formula with a date result', { formula: 'NOW()', result: date }, date],
    ['a formula with an error result', { formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    ['a formula without a result', { formula: 'SUM(A1:A3)' }, '=SUM(A1:A3)'],
    ['a shared formula without a result', { sharedFormula: 'B2' }, '=B2'],
    ['an error', { error: '#N/A' }, '#N/A'],
    ['an unknown object', { sharedString: 3 }, null],
  ])('reduces %s', (_what, value, cell) => {
    expect(toCellValue(value)).toEqual(cell);
  });
});
