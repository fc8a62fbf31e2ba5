import { crc32, deflateRawSync } from 'node:zlib';

// Spreadsheets built by hand, so that their zip headers and XML can lie the way attacks do.

export interface ZipPart {
  name: string;
  deflated: Buffer;
  /** What the zip's directory says the part unpacks to. */
  declaredSize: number;
}

export const part = (name: string, content: string | Buffer): ZipPart => {
  const bytes = Buffer.from(content);
  return { name, deflated: deflateRawSync(bytes), declaredSize: bytes.length };
};

/** A zip of deflated parts, headers written by hand so that they can lie. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, deflated, declaredSize } of parts) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc32(deflated), 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    local.copy(entry, 8, 6, 30);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    directory.push(entry, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The least an XLSX needs: a workbook naming one sheet, and that sheet. */
export function workbookParts({
  sheet,
  sharedStrings,
}: {
  sheet: string;
  sharedStrings?: string;
}): ZipPart[] {
  return [
    part(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '</Types>',
    ),
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${RELATIONSHIPS}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
        `</Relationships>`,
    ),
    part('xl/worksheets/sheet1.xml', sheet),
    part('xl/sharedStrings.xml', sharedStrings ?? `<sst xmlns="${MAIN}"/>`),
  ];
}

export const inlineRow = (rowNumber: number, cells: string[]) =>
  `<row r="${rowNumber}">${cells
    .map(
      (text, index) =>
        `<c r="${String.fromCharCode(65 + index)}${rowNumber}" t="inlineStr"><is><t>${text}</t></is></c>`,
    )
    .join('')}</row>`;

export const sheetXml = (rows: string, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
