import { chooseLocale } from './locale';

describe('chooseLocale', () => {
  it.each([
    [undefined, 'zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    [undefined, 'en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    [undefined, 'fr-FR, zh-TW;q=0.5, en;q=0.4', 'zh'],
    [undefined, 'en;q=0.2, zh;q=0.7', 'zh'],
    [undefined, 'zh;q=0, en', 'en'],
    [undefined, 'de, fr', 'en'],
    [undefined, undefined, 'en'],
    ['zh', 'en-US', 'zh'],
    ['en', 'zh-CN', 'en'],
    ['xx', 'zh-CN', 'zh'],
  ])('remembered %p with Accept-Language %p reads %p', (remembered, header, expected) => {
    expect(chooseLocale(remembered, header)).toBe(expected);
  });
});
