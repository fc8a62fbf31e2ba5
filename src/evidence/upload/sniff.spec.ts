import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sniffMediaType } from './sniff';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const GIF_JS_POLYGLOT = Buffer.concat([
  Buffer.from('GIF89a/*'),
  Buffer.from([0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]),
  Buffer.from('*/=1;alert(1);'),
]);

describe('sniffing uploads by their bytes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-sniff-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const sniff = async (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return sniffMediaType(path);
  };

  it.each([
    ['a PNG', PNG, 'image/png'],
    ['a GIF that is also JavaScript', GIF_JS_POLYGLOT, 'image/gif'],
    [
      'a PDF',
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
      'application/pdf',
    ],
    ['a UTF-8 CSV with a BOM', '\uFEFF订单编号,买家会员名\n3318827765001,tb_buyer\n', 'text/plain'],
    ['a GBK CSV', Buffer.from([0xb6, 0xa9, 0xb5, 0xa5, 0x2c, 0x31, 0x0a]), 'text/plain'],
    ['a CSV with formulas', '=HYPERLINK("http://evil","x"),1\n', 'text/plain'],
    [
      'an SVG',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'application/xml',
    ],
    // Text to the sniffer; findMarkup refuses the markup in it.
    [
      'a bare SVG',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'text/plain',
    ],
    ['an HTML page', '<!DOCTYPE html><script>alert(1)</script>', 'text/plain'],
    [
      'an ELF executable',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      'application/x-elf',
    ],
    ['an empty file', Buffer.alloc(0), undefined],
    ['binary noise', Buffer.from([0x00, 0xff, 0x10, 0x00, 0x80]), undefined],
  ] as const)('finds %s to be %s', async (_name, bytes, expected) => {
    expect(await sniff(`f${Math.random()}`, bytes as Buffer | string)).toBe(expected);
  });
});
