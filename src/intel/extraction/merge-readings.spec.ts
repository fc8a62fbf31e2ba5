import { extractIdentifiers } from './extract-identifiers';
import { mergeReadings } from './merge-readings';

const options = { defaultRegion: 'CN' as const };
const valuesIn = (text: string) =>
  extractIdentifiers(text, options).map(
    ({ identifier }) => `${identifier.kind} ${identifier.value}`,
  );

describe('mergeReadings', () => {
  // From the corpus: a dark render whose bubble wraps "加微信:haoping040" after 微, read once
  // with 微 as 和 and once right.
  const first = 'QQ: 119-599-667 加 一 下\n不 想 在 这 聊 就 加 和\n信 :haoping040\n';
  const second = 'QQ: 119-599-667 加 一 下\n不 想 在 这 聊 就 加 微\n信 :haoping040\n';

  it('adds the lines that show an identifier only the second reading has, label and all', () => {
    const merged = mergeReadings(first, second, options);
    expect(merged).toBe(`${first}\n不 想 在 这 聊 就 加 微\n信 :haoping040\n`);
    expect(valuesIn(merged)).toEqual(['qq 119599667', 'wechat haoping040']);
  });

  it('keeps the first reading when the second finds nothing more', () => {
    expect(mergeReadings(second, first, options)).toBe(second);
    expect(mergeReadings(first, '', options)).toBe(first);
  });

  it("keeps the first reading's value when the second reads it a character or two apart", () => {
    const once = '加 V 信 xw_chaping6714\n';
    expect(mergeReadings(once, '加 V 信 Xxw_chaping6714\n', options)).toBe(once);
    expect(mergeReadings('微信 tb_seller102\n', '微信 tb_sellerl102\n', options)).toBe(
      '微信 tb_seller102\n',
    );
  });

  it('adds a value of another kind, or far from every value of its kind', () => {
    const merged = mergeReadings('微信 haoping040\n', '微信 haoping040\nQQ 2847561923\n', options);
    expect(valuesIn(merged)).toEqual(['wechat haoping040', 'qq 2847561923']);
  });

  it('keeps the first reading when the lines to add would bring a misread value along', () => {
    const once = 'QQ: 2847561923\n';
    expect(mergeReadings(once, 'QQ: 2847561928 微信:haoping040\n', options)).toBe(once);
  });
});
