import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a raw `RETURNING *` row, through TypeORM's own column map: hot paths write with
 * plain SQL (one round trip, no query builder) and still hand back typed entities.
 */
export function entityFromRow<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  row: Record<string, unknown>,
): Entity {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as Entity;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, row[column.databaseName]);
  }
  return entity;
}
