export interface SessionRow {
  id: string;
  course_id: string | null;
  course_title: string | null;
  lesson_key: string | null;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  audience_org_unit_ids: string[];
  jp: string;
  attendance_rule: { minShare: number };
  status: 'scheduled' | 'cancelled' | 'ended';
  sequence: number;
  locked: boolean;
  slides_file_id: string | null;
  slide_page: number;
  ended_at: Date | null;
  finalised_at: Date | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  trainers: { id: string; name: string }[];
}

/** The columns of a session with its course title (current version) and trainers. */
export const SESSION_SELECT = `
  SELECT s.*, cv.title AS course_title,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                     FROM live_session_trainer t JOIN app_user u ON u.id = t.user_id
                    WHERE t.session_id = s.id), '[]') AS trainers
    FROM live_session s
    LEFT JOIN course c ON c.id = s.course_id
    LEFT JOIN course_version cv ON cv.id = c.current_version_id`;
