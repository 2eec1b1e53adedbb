import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { NOTIFY_CATEGORIES, type NotifyCategory } from './categories';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CategoryPreference {
  @IsIn(NOTIFY_CATEGORIES, {
    message: `category harus salah satu dari: ${NOTIFY_CATEGORIES.join(', ')}`,
  })
  category!: NotifyCategory;

  @IsBoolean()
  email!: boolean;

  @IsBoolean()
  inApp!: boolean;

  /** Bundle this category's emails into one daily digest instead of one email each. */
  @IsBoolean()
  digest!: boolean;
}

/** Asia/Jakarta wall-clock times; the window may cross midnight (21:00–07:00). */
export class QuietHours {
  @Matches(HHMM, { message: 'start harus jam dan menit 00:00–23:59' })
  start!: string;

  @Matches(HHMM, { message: 'end harus jam dan menit 00:00–23:59' })
  end!: string;
}

export class UpdateNotificationPreferencesRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFY_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => CategoryPreference)
  categories?: CategoryPreference[];

  /** null turns quiet hours off. */
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHours)
  quietHours?: QuietHours | null;
}

export interface CategoryPreferenceView extends CategoryPreference {
  mandatory: boolean;
}

export interface NotificationPreferencesView {
  categories: CategoryPreferenceView[];
  quietHours: { start: string; end: string } | null;
}
