import type { Page, PageQuery } from '@siantar/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Applies limit/offset to a query and returns the page with its total, mapped to a contract type. */
export async function paginate<E extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<E>,
  query: PageQuery,
  map: (entity: E) => R,
): Promise<Page<R>> {
  const [rows, total] = await qb.take(query.limit).skip(query.offset).getManyAndCount();
  return { items: rows.map(map), total, limit: query.limit, offset: query.offset };
}
