/** RFC 9457 problem details, as every 4xx/5xx of the API answers. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `auth.locked`, `validation`, `users.email-taken`. */
  code: string;
  requestId?: string;
  /** Field-level problems for validation errors: `path` is a dotted property path. */
  errors?: { path: string; message: string }[];
  /** Readiness failures: the state of each dependency. */
  checks?: Record<string, { status: string; message?: string }>;
}
