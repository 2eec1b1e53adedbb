import type { DataSource, EntityManager } from 'typeorm';

/**
 * The rows of an `UPDATE … RETURNING`: TypeORM's postgres driver answers UPDATE and
 * DELETE with `[rows, affectedCount]` rather than the rows alone.
 */
export async function updatedRows<T>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}
