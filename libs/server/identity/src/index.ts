export * from './lib/identity-jobs.module';
export * from './lib/identity.module';
export { hashPassword } from './lib/auth/secrets';
export { OrgUnit } from './lib/org-units/org-unit.entity';
export { OrgUnitsService } from './lib/org-units/org-units.service';
export { User } from './lib/users/user.entity';
export { UsersService } from './lib/users/users.service';
