import { unfilledPlaceholders } from './unfilled-placeholders';

describe('unfilledPlaceholders', () => {
  it('finds each placeholder once, with or without spaces', () => {
    expect(
      unfilledPlaceholders('您好 {{sellerName}}，案件 {{ caseReference }} 需要 {{sellerName}}'),
    ).toEqual(['{{sellerName}}', '{{ caseReference }}']);
  });

  it('finds an empty one', () => {
    expect(unfilledPlaceholders('Please send {{}}')).toEqual(['{{}}']);
  });

  it('leaves ordinary braces alone', () => {
    expect(unfilledPlaceholders('Order {A-17} and {{ not closed')).toEqual([]);
    expect(unfilledPlaceholders('请补充聊天截图，谢谢。')).toEqual([]);
  });
});
