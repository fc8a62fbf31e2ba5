import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { decodeTextStream, detectTextEncoding } from './text-encoding';

describe('the encoding of a text export', () => {
  const chinese = '订单编号,买家会员名\n3318827765001,小明\n';

  it.each([
    ['UTF-8', Buffer.from(chinese), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.from(`\uFEFF${chinese}`), 'utf-8'],
    ['GBK', iconv.encode(chinese, 'gbk'), 'gb18030'],
  ])('is %s', (_what, bytes, encoding) => {
    expect(detectTextEncoding(bytes, true)).toBe(encoding);
  });

  it('is UTF-8 when a sample ends inside a character', () => {
    const cut = Buffer.from(chinese).subarray(0, 4);
    expect(detectTextEncoding(cut, false)).toBe('utf-8');
  });

  it('decodes characters split across chunks and drops the BOM', async () => {
    const bytes = Buffer.from(`\uFEFF${chinese}`);
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    expect(await text(Readable.from(chunks).pipe(decodeTextStream('utf-8')))).toBe(chinese);
  });

  it('decodes GBK', async () => {
    const decoded = Readable.from([iconv.encode(chinese, 'gbk')]).pipe(decodeTextStream('gb18030'));
    expect(await text(decoded)).toBe(chinese);
  });

  it('fails on bytes that are not UTF-8', async () => {
    const decoded = Readable.from([Buffer.from([0x61, 0xff, 0x62])]).pipe(
      decodeTextStream('utf-8'),
    );
    await expect(text(decoded)).rejects.toMatchObject({
      code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
    });
  });
});
