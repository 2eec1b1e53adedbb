import { Assessment1764500000000 } from './1764500000000-assessment';
import { Catalog1764400000000 } from './1764400000000-catalog';
import { Certificates1765200000000 } from './1765200000000-certificates';
import { Evaluation1765300000000 } from './1765300000000-evaluation';
import { FollowUp1765300500000 } from './1765300500000-follow-up';
import { Identity1764300000000 } from './1764300000000-identity';
import { Live1764700000000 } from './1764700000000-live';
import { LiveRoom1764800000000 } from './1764800000000-live-room';
import { Notifications1764900000000 } from './1764900000000-notifications';
import { NotifyOperations1765000000000 } from './1765000000000-notify-operations';
import { Simulation1765100000000 } from './1765100000000-simulation';
import { Progress1764600000000 } from './1764600000000-progress';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  Identity1764300000000,
  Catalog1764400000000,
  Assessment1764500000000,
  Progress1764600000000,
  Live1764700000000,
  LiveRoom1764800000000,
  Notifications1764900000000,
  NotifyOperations1765000000000,
  Simulation1765100000000,
  Certificates1765200000000,
  Evaluation1765300000000,
  FollowUp1765300500000,
];
