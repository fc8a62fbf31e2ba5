import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { inlineRow, MAIN, part, sheetXml, workbookParts, zip } from '../../../test/factories/xlsx';
import { openOrderExport } from './open-order-export';
import { DEFAULT_ORDER_EXPORT_LIMITS, type ParsedRow } from './order-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

const BILLION_LAUGHS =
  '<!DOCTYPE worksheet [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, level) => {
    const inner = level === 0 ? 'lol' : `lol${level}`;
    return `<!ENTITY lol${level + 1} "${`&${inner};`.repeat(10)}">`;
  }).join('') +
  ']>';

describe('opening an XLSX that attacks its reader', () => {
  let dir: string;
  /** 200 MiB of spaces deflate to about 200 KiB. */
  let spaces: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bulwark-orders-zip-'));
    spaces = deflateRawSync(Buffer.alloc(200 * MiB, 0x20), { level: 9 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const open = async (bytes: Buffer, maxUncompressedBytes = 100 * MiB) => {
    const path = join(dir, `attack-${Math.random()}.xlsx`);
    await writeFile(path, bytes);
    const started = Date.now();
    try {
      const opened = await openOrderExport(path, XLSX, {
        ...DEFAULT_ORDER_EXPORT_LIMITS,
        maxUncompressedBytes,
      });
      const rows: ParsedRow[] = [];
      for await (const row of opened.rows) rows.push(row);
      return rows;
    } finally {
      expect(Date.now() - started).toBeLessThan(2000);
    }
  };

  const orderSheet = sheetXml(
    inlineRow(1, ['Order ID', 'Customer']) + inlineRow(2, ['A-1', 'ann']),
  );

  it('reads the hand-made workbook these attacks start from', async () => {
    expect(await open(zip(workbookParts({ sheet: orderSheet })))).toEqual([
      { ok: true, record: expect.objectContaining({ orderId: 'A-1', buyer: 'ann' }) },
    ]);
  });

  it('refuses a zip bomb by its directory, before unpacking it', async () => {
    const bomb = { name: 'xl/media/zeros.bin', deflated: spaces, declaredSize: 200 * MiB };
    await expect(open(zip([...workbookParts({ sheet: orderSheet }), bomb]))).rejects.toThrow(
      'The spreadsheet is packed more tightly than any real one (a zip bomb) and was not opened.',
    );
  });

  it('refuses parts that together unpack to more than the limit', async () => {
    const parts = workbookParts({ sheet: orderSheet });
    const filler = part('xl/media/noise.bin', randomBytes(2 * MiB));
    await expect(open(zip([...parts, filler]), 1 * MiB)).rejects.toThrow(
      'The spreadsheet unpacks to more than 1 MB.',
    );
  });

  it('refuses a part that unpacks to more than its directory declares', async () => {
    const parts = workbookParts({ sheet: orderSheet }).filter(
      ({ name }) => name !== 'xl/sharedStrings.xml',
    );
    const lying = {
      name: 'xl/sharedStrings.xml',
      deflated: spaces,
      declaredSize: 10 * spaces.length,
    };
    await expect(open(zip([...parts, lying]))).rejects.toThrow(
      'A part of the spreadsheet unpacks to more than it declares (a zip bomb).',
    );
  });

  it('refuses a zip of more than 10,000 parts', async () => {
    const empty = part('x', '');
    const padding = Array.from({ length: 10_001 }, (_, index) => ({
      ...empty,
      name: `pad/${index}`,
    }));
    await expect(open(zip(padding))).rejects.toThrow('The spreadsheet has more than 10,000 parts.');
  });

  it.each([
    ['no zip at all', Buffer.from('Order ID,Customer\nA-1,ann\n')],
    ['a truncated zip', zip(workbookParts({ sheet: orderSheet })).subarray(0, 300)],
    ['a zip without a workbook', zip([part('xl/worksheets/sheet1.xml', orderSheet)])],
  ])('refuses %s as unreadable', async (_what, bytes) => {
    await expect(open(bytes)).rejects.toThrow('The file is not a readable spreadsheet.');
  });

  it('refuses entity expansion in a worksheet without expanding it', async () => {
    const sheet = sheetXml(inlineRow(1, ['Order ID']) + inlineRow(2, ['&lol9;']), BILLION_LAUGHS);
    await expect(open(zip(workbookParts({ sheet })))).rejects.toThrow(
      'The file is not a readable spreadsheet.',
    );
  });

  it('refuses entity expansion in the shared strings without expanding it', async () => {
    const sharedStrings = `<?xml version="1.0"?>${BILLION_LAUGHS.replace('worksheet', 'sst')}<sst xmlns="${MAIN}"><si><t>&lol9;</t></si></sst>`;
    await expect(open(zip(workbookParts({ sheet: orderSheet, sharedStrings })))).rejects.toThrow(
      'The file is not a readable spreadsheet.',
    );
  });

  it('closes the file of each part it refuses', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    // Far longer than one read, even deflated, so that the part is still open when parsing fails.
    const padding = `<si><t>${randomBytes(300_000).toString('hex')}</t></si>`;
    const sharedStrings = `<sst xmlns="${MAIN}"><si><t>&undefined;</t></si>${padding}</sst>`;
    const bytes = zip(workbookParts({ sheet: orderSheet, sharedStrings }));
    const before = openFiles();
    for (let attempt = 0; attempt < 20; attempt++) {
      await expect(open(bytes)).rejects.toThrow('The file is not a readable spreadsheet.');
    }
    // A destroyed stream closes its file a moment later.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });

  it('never reads an external entity', async () => {
    const prolog = '<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>';
    const sheet = sheetXml(inlineRow(1, ['Order ID']) + inlineRow(2, ['&secret;']), prolog);
    await expect(open(zip(workbookParts({ sheet })))).rejects.toThrow(
      'The file is not a readable spreadsheet.',
    );
  });
});
