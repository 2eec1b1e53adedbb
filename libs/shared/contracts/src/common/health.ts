export interface HealthResponse {
  status: 'ok' | 'error';
  info?: Record<string, { status: 'up' | 'down'; message?: string }>;
  error?: Record<string, { status: 'up' | 'down'; message?: string }>;
}
