/**
 * The heads of an OPD (its path is $1): active supervisors placed in its subtree who answer
 * to no one inside it — the top of the OPD's supervision chain. The org chart has no
 * separate "head" field; this is who the chart itself says leads the unit.
 */
export const opdHeadsSql = `
  SELECT u.id FROM app_user u
    JOIN org_unit uo ON uo.id = u.org_unit_id
    LEFT JOIN app_user s ON s.id = u.supervisor_id
    LEFT JOIN org_unit so ON so.id = s.org_unit_id
   WHERE u.active AND 'supervisor' = ANY(u.roles) AND uo.path LIKE $1 || '%'
     AND (s.id IS NULL OR so.path NOT LIKE $1 || '%')
   ORDER BY u.id`;
