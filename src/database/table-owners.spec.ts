import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { foreignTableWrites, roomOf, SourceFile } from './table-owners';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(folder: string): SourceFile[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => {
      const path = relative(ROOT, join(ROOT, folder, name))
        .split('\\')
        .join('/');
      return { path, text: readFileSync(join(ROOT, path), 'utf8') };
    });
}

const entity = (table: string, className: string) =>
  `@Entity({ name: '${table}' })\nexport class ${className} {}`;

describe('every table has an owner', () => {
  it('finds no write to a table from outside the folder that owns it, in src/', () => {
    expect(foreignTableWrites(sourceFiles('src'))).toEqual([]);
  });

  it('places a file in the room of the nearest module above it', () => {
    const modules = new Set(['src/evidence', 'src/common/idempotency']);
    expect(roomOf('src/evidence/orders/order-records.repository.ts', modules)).toBe('src/evidence');
    expect(roomOf('src/common/idempotency/idempotency.service.ts', modules)).toBe(
      'src/common/idempotency',
    );
  });

  const tree: SourceFile[] = [
    { path: 'src/cases/cases.module.ts', text: '' },
    { path: 'src/cases/case.entity.ts', text: entity('cases', 'CaseEntity') },
    { path: 'src/intel/intel.module.ts', text: '' },
    { path: 'src/cases/cases.repository.ts', text: 'UPDATE cases SET status = $2' },
  ];

  it('lets the owning folder write its table', () => {
    expect(foreignTableWrites(tree)).toEqual([]);
  });

  it.each([
    ['plain SQL', "manager.query('UPDATE cases SET priority = 10')"],
    ['an insert', 'INSERT INTO "cases" (id) VALUES ($1)'],
    ['a delete', 'DELETE FROM cases WHERE id = $1'],
    ['a TypeORM call naming the entity', 'manager.update(CaseEntity, { id }, { priority: 10 })'],
    ['a query builder', 'manager.createQueryBuilder().update(CaseEntity).set({})'],
    ['a repository', 'const cases = manager.getRepository(CaseEntity); await cases.save(row);'],
  ])('fails when another folder writes the table through %s', (_how, text) => {
    const writes = foreignTableWrites([
      ...tree,
      { path: 'src/intel/offenders/offender-facts.repository.ts', text },
    ]);
    expect(writes).toEqual([
      {
        path: 'src/intel/offenders/offender-facts.repository.ts',
        table: 'cases',
        owner: 'src/cases',
        writer: 'src/intel',
      },
    ]);
  });

  it('does not take a row lock or an upsert clause for a write', () => {
    const text = `SELECT * FROM cases FOR UPDATE; INSERT INTO offenders (id) VALUES ($1)
                  ON CONFLICT (id) DO UPDATE SET member_count = 1`;
    expect(
      foreignTableWrites([...tree, { path: 'src/intel/offenders/x.repository.ts', text }]),
    ).toEqual([]);
  });
});
