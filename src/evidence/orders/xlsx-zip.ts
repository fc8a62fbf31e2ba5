import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { OrderExportRejected } from './order-export-rejected';
import { decodeTextStream } from '../text/text-encoding';

/** A workbook has a dozen parts; thousands are padding or an attack. */
const MAX_ENTRIES = 10_000;
/** Deflate cannot beat about 1032:1; real XML manages 10 to 100. */
const MAX_COMPRESSION_RATIO = 1_000;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const DIRECTORY_ENTRY_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
/** Zip64 puts this in a field whose value it moves elsewhere; no order export needs zip64. */
const ZIP64_MARKER = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;

interface ZipEntry {
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/**
 * An XLSX's zip container, its central directory checked against bombs before any part is
 * unpacked, and its parts opened by name. A part never unpacks to more than its directory entry
 * declares, so the checked sum of those sizes bounds what reading the workbook inflates.
 */
export interface XlsxZip {
  /** The part's text, decoded as UTF-8 as it inflates. */
  openPart(partName: string): Promise<Readable>;
}

export const NOT_A_SPREADSHEET = 'The file is not a readable spreadsheet.';

export async function openXlsxZip(path: string, maxUncompressedBytes: number): Promise<XlsxZip> {
  const handle = await open(path, 'r');
  let directory: { entries: Map<string, ZipEntry>; offset: number };
  try {
    directory = await readDirectory(handle, maxUncompressedBytes);
  } finally {
    await handle.close();
  }
  const { entries, offset: directoryOffset } = directory;
  return {
    openPart: async (partName) => {
      const entry = entries.get(partName);
      if (!entry) throw new OrderExportRejected(NOT_A_SPREADSHEET);
      return openEntry(path, entry, directoryOffset);
    },
  };
}

async function readDirectory(
  handle: FileHandle,
  maxUncompressedBytes: number,
): Promise<{ entries: Map<string, ZipEntry>; offset: number }> {
  const { size } = await handle.stat();
  const tailLength = Math.min(size, END_OF_DIRECTORY_BYTES + MAX_COMMENT_BYTES);
  const tail = await readAt(handle, size - tailLength, tailLength);
  const end = findEndOfDirectory(tail);
  if (end === undefined) throw new OrderExportRejected(NOT_A_SPREADSHEET);
  const disk = tail.readUInt16LE(end + 4);
  const directoryDisk = tail.readUInt16LE(end + 6);
  const entriesOnDisk = tail.readUInt16LE(end + 8);
  const entryCount = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new OrderExportRejected(NOT_A_SPREADSHEET);
  }
  if (entryCount > MAX_ENTRIES) {
    throw new OrderExportRejected(
      `The spreadsheet has more than ${MAX_ENTRIES.toLocaleString('en')} parts.`,
    );
  }
  if (directoryOffset + directorySize > size - tailLength + end) {
    throw new OrderExportRejected(NOT_A_SPREADSHEET);
  }
  const entries = parseDirectory(
    await readAt(handle, directoryOffset, directorySize),
    entryCount,
    directoryOffset,
  );
  let uncompressedBytes = 0;
  for (const entry of entries.values()) uncompressedBytes += entry.uncompressedSize;
  if (uncompressedBytes > maxUncompressedBytes) {
    throw new OrderExportRejected(
      `The spreadsheet unpacks to more than ${Math.round(maxUncompressedBytes / 1024 / 1024)} MB.`,
    );
  }
  return { entries, offset: directoryOffset };
}

/** The end-of-directory record's position in the file's tail: the last whose comment fits. */
function findEndOfDirectory(tail: Buffer): number | undefined {
  for (let at = tail.length - END_OF_DIRECTORY_BYTES; at >= 0; at--) {
    if (
      tail.readUInt32LE(at) === END_OF_DIRECTORY &&
      at + END_OF_DIRECTORY_BYTES + tail.readUInt16LE(at + 20) === tail.length
    ) {
      return at;
    }
  }
  return undefined;
}

function parseDirectory(
  directory: Buffer,
  entryCount: number,
  directoryOffset: number,
): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let index = 0; index < entryCount; index++) {
    if (
      at + DIRECTORY_ENTRY_BYTES > directory.length ||
      directory.readUInt32LE(at) !== DIRECTORY_ENTRY
    ) {
      throw new OrderExportRejected(NOT_A_SPREADSHEET);
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      compressionMethod: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    const nameEnd = at + DIRECTORY_ENTRY_BYTES + nameLength;
    const name = directory.toString('utf8', at + DIRECTORY_ENTRY_BYTES, nameEnd);
    at = nameEnd + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (
      at > directory.length ||
      flags & ENCRYPTED_FLAG ||
      ![STORED, DEFLATED].includes(entry.compressionMethod) ||
      entry.compressedSize === ZIP64_MARKER ||
      entry.uncompressedSize === ZIP64_MARKER ||
      entry.localHeaderOffset + LOCAL_HEADER_BYTES > directoryOffset ||
      (entry.compressionMethod === STORED && entry.compressedSize !== entry.uncompressedSize) ||
      // Two parts of one name would let the part checked differ from the part read.
      entries.has(name)
    ) {
      throw new OrderExportRejected(NOT_A_SPREADSHEET);
    }
    if (entry.uncompressedSize > MAX_COMPRESSION_RATIO * entry.compressedSize) {
      throw new OrderExportRejected(
        'The spreadsheet is packed more tightly than any real one (a zip bomb) and was not opened.',
      );
    }
    entries.set(name, entry);
  }
  return entries;
}

async function openEntry(
  path: string,
  entry: ZipEntry,
  directoryOffset: number,
): Promise<Readable> {
  const handle = await open(path, 'r');
  let local: Buffer;
  try {
    local = await readAt(handle, entry.localHeaderOffset, LOCAL_HEADER_BYTES);
  } finally {
    await handle.close();
  }
  if (local.readUInt32LE(0) !== LOCAL_HEADER) throw new OrderExportRejected(NOT_A_SPREADSHEET);
  const dataStart =
    entry.localHeaderOffset + LOCAL_HEADER_BYTES + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (dataStart + entry.compressedSize > directoryOffset) {
    throw new OrderExportRejected(NOT_A_SPREADSHEET);
  }
  const compressed =
    entry.compressedSize === 0
      ? Readable.from([])
      : createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const text = decodeTextStream('utf-8');
  // Errors of any stage reach the decoder, the stream its reader listens to.
  if (entry.compressionMethod === DEFLATED) {
    pipeline(compressed, createInflateRaw(), limitBytes(entry.uncompressedSize), text, () => {});
  } else {
    pipeline(compressed, text, () => {});
  }
  return text;
}

/** Fails once more than `limit` bytes pass: a part unpacking past its declared size is a bomb. */
function limitBytes(limit: number): Transform {
  let passed = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      passed += chunk.length;
      if (passed > limit) {
        done(
          new OrderExportRejected(
            'A part of the spreadsheet unpacks to more than it declares (a zip bomb).',
          ),
        );
      } else {
        done(null, chunk);
      }
    },
  });
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, position);
  if (bytesRead !== length) throw new OrderExportRejected(NOT_A_SPREADSHEET);
  return buffer;
}
