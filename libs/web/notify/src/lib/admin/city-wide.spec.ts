import type { OrgUnitRef } from '@siantar/contracts';
import { isCityWideAdmin } from './city-wide';

const unit = (kind: OrgUnitRef['kind']): OrgUnitRef => ({ id: kind, code: kind, name: kind, kind });

describe('isCityWideAdmin', () => {
  it('is an admin whose scope is the city government itself', () => {
    expect(isCityWideAdmin({ roles: ['admin'], adminScope: unit('pemda') })).toBe(true);
    expect(isCityWideAdmin({ roles: ['admin'], adminScope: unit('opd') })).toBe(false);
    expect(isCityWideAdmin({ roles: ['admin'], adminScope: null })).toBe(false);
    expect(isCityWideAdmin({ roles: ['learner'], adminScope: unit('pemda') })).toBe(false);
    expect(isCityWideAdmin(null)).toBe(false);
  });
});
