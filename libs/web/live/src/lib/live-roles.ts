import type { Role } from '@siantar/contracts';

/**
 * Who may schedule a webinar (the server's rule: trainers and admins; partners schedule
 * only course sessions, which this screen does not offer).
 */
export const SCHEDULER_ROLES: readonly Role[] = ['trainer', 'admin'];
