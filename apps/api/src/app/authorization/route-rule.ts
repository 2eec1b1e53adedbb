import type { Role } from '@siantar/contracts';

export type Rule = 'public' | 'authenticated' | Role[];
export type RouteRow = [route: string, rule: Rule];
