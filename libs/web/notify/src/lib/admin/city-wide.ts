import type { MeResponse } from '@siantar/contracts';

/**
 * An admin of the whole city (BKPSDM), as the api decides: their admin scope is the city
 * government itself, the root unit (`pemda`), not an OPD inside it. The api has the last word;
 * this only decides what the menu offers.
 */
export function isCityWideAdmin(
  user: Pick<MeResponse, 'roles' | 'adminScope'> | null | undefined,
): boolean {
  return !!user && user.roles.includes('admin') && user.adminScope?.kind === 'pemda';
}
