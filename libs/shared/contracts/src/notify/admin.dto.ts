import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { CategoryPreference } from './preferences.dto';
import type { NotifyCategory } from './categories';

/** The admins' defaults: what a user who never chose gets, per category. */
export class UpdateNotificationDefaultsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategoryPreference)
  categories!: CategoryPreference[];
}

export interface NotificationDefaultView {
  category: NotifyCategory;
  email: boolean;
  inApp: boolean;
  digest: boolean;
  mandatory: boolean;
  /** null while the built-in default applies. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface NotificationDefaultsView {
  categories: NotificationDefaultView[];
}

export const DELIVERY_STATUSES = ['sent', 'skipped', 'deferred', 'failed', 'bounced'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What happened to a planned notice as a whole. */
export type NoticeStatus = 'planned' | 'done' | 'cancelled' | 'failed';

export class DeliveryLogQuery {
  /** One person's log; without it, everyone in the admin's reach. */
  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsOptional()
  @IsIn(DELIVERY_STATUSES, {
    message: `status harus salah satu dari: ${DELIVERY_STATUSES.join(', ')}`,
  })
  status?: DeliveryStatus;

  /** The last id of the previous page (ids are numbers, newest first). */
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before harus id angka dari halaman sebelumnya' })
  before?: string;
}

export interface DeliveryLogItem {
  id: string;
  at: string;
  user: { id: string; name: string; nip: string | null; email: string };
  /** The notice's business key (also its BullMQ job id). */
  key: string;
  event: string;
  category: NotifyCategory | null;
  /** The notice's title in the user's language, when the event is known. */
  title: string | null;
  channel: string;
  status: DeliveryStatus;
  detail: string | null;
  noticeStatus: NoticeStatus | null;
}

export interface DeliveryLogPage {
  items: DeliveryLogItem[];
  nextBefore: string | null;
  /** With a userId: whether their address is marked as bouncing (email paused). */
  emailBounce: { at: string; reason: string } | null;
}
