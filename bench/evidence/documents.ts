import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Files that Bulwark keeps without decoding them: a PDF header, then random (incompressible)
// bytes. Sniffed as application/pdf, they are kept as evidence of kind `other`, so an upload of
// them is the HTTP, multipart, hashing, disk and database path with no image check.

const PDF_HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

export interface DocumentFile {
  path: string;
  size: number;
}

export async function writeDocuments(
  dir: string,
  count: number,
  size: number,
): Promise<DocumentFile[]> {
  const files: DocumentFile[] = [];
  for (let index = 0; index < count; index++) {
    const path = join(dir, `statement-${String(index).padStart(4, '0')}.pdf`);
    await writeFile(path, Buffer.concat([PDF_HEADER, randomBytes(size - PDF_HEADER.length)]));
    files.push({ path, size });
  }
  return files;
}
