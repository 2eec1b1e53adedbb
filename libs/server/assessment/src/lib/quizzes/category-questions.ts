/**
 * The questions a random slot draws from: those of category $1 and, when $2 is
 * true, of its subcategories; never descriptions. Shared by the settings check
 * (are there enough?) and the draw at attempt start, so both count the same set.
 */
export const CATEGORY_QUESTIONS_SQL = `
  FROM question_category c
  JOIN question_category sub
    ON sub.bank_id = c.bank_id AND (sub.id = c.id OR ($2 AND sub.path LIKE c.path || '/%'))
  JOIN question q ON q.category_id = sub.id
  JOIN question_version v ON v.id = q.current_version_id AND v.type <> 'description'
 WHERE c.id = $1`;
