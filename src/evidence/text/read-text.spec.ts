import { Readable } from 'node:stream';
import { readText } from './read-text';

// "微信 wxid_abc 转账50元" in GB18030, as a QQ or WeChat export on a Chinese Windows would save it.
const GB18030 = Buffer.from(
  'ce a2 d0 c5 20 77 78 69 64 5f 61 62 63 20 d7 aa d5 cb 35 30 d4 aa'.replace(/ /g, ''),
  'hex',
);

describe('readText', () => {
  it('reads UTF-8 and drops its byte-order mark', async () => {
    const bytes = Buffer.from('\uFEFF对方：加我QQ 2847561923', 'utf8');
    expect(await readText(Readable.from([bytes]))).toBe('对方：加我QQ 2847561923');
  });

  it('reads GB18030 when the bytes are not UTF-8', async () => {
    expect(await readText(Readable.from([GB18030]))).toBe('微信 wxid_abc 转账50元');
  });
});
