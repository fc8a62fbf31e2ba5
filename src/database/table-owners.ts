import { posix } from 'node:path';

/** A source file, by its path from the repository root (`src/cases/cases.repository.ts`). */
export interface SourceFile {
  path: string;
  text: string;
}

export interface TableWrite {
  path: string;
  table: string;
  owner: string;
  writer: string;
}

const SQL_WRITE = /\b(?:INSERT INTO|UPDATE|DELETE FROM|TRUNCATE(?: TABLE)?)\s+"?([a-z_]+)"?/g;
const ENTITY_TABLE = /@Entity\(\{\s*name:\s*'([a-z_]+)'[\s\S]*?export class (\w+)/g;
const ENTITY_WRITE =
  /\.(?:insert|update|delete|save|upsert|softDelete|increment|decrement|remove|into)\(\s*(\w+Entity)\b/g;
const REPOSITORY_OF = /getRepository\(\s*(\w+Entity)\s*\)/g;
const REPOSITORY_WRITE = /\.(?:insert|update|delete|save|upsert|softDelete|remove)\(/;

/**
 * The room a file belongs to: the folder of the nearest `*.module.ts` above it, so that
 * `src/evidence/orders/order-records.repository.ts` is in `src/evidence`.
 */
export function roomOf(path: string, moduleFolders: ReadonlySet<string>): string {
  for (let folder = posix.dirname(path); folder !== '.' && folder !== '/';) {
    if (moduleFolders.has(folder)) return folder;
    folder = posix.dirname(folder);
  }
  return posix.dirname(path);
}

/**
 * Every write to a table from outside the room that owns it. A table's owner is the room of its
 * entity; writes are found in plain SQL (INSERT INTO, UPDATE, DELETE FROM, TRUNCATE), in
 * TypeORM calls naming an entity class, and in a file's writes through `getRepository(Entity)`.
 */
export function foreignTableWrites(files: SourceFile[]): TableWrite[] {
  const moduleFolders = new Set(
    files
      .filter((file) => file.path.endsWith('.module.ts'))
      .map((file) => posix.dirname(file.path)),
  );
  const ownerOfTable = new Map<string, string>();
  const tableOfEntity = new Map<string, string>();
  for (const file of files) {
    for (const [, table, entity] of file.text.matchAll(ENTITY_TABLE)) {
      ownerOfTable.set(table, roomOf(file.path, moduleFolders));
      tableOfEntity.set(entity, table);
    }
  }
  const writes: TableWrite[] = [];
  for (const file of files) {
    const writer = roomOf(file.path, moduleFolders);
    const tables = new Set<string>();
    for (const [, table] of file.text.matchAll(SQL_WRITE)) tables.add(table);
    for (const [, entity] of file.text.matchAll(ENTITY_WRITE)) {
      const table = tableOfEntity.get(entity);
      if (table) tables.add(table);
    }
    if (REPOSITORY_WRITE.test(file.text)) {
      for (const [, entity] of file.text.matchAll(REPOSITORY_OF)) {
        const table = tableOfEntity.get(entity);
        if (table) tables.add(table);
      }
    }
    for (const table of tables) {
      const owner = ownerOfTable.get(table);
      if (owner && owner !== writer) writes.push({ path: file.path, table, owner, writer });
    }
  }
  return writes;
}
