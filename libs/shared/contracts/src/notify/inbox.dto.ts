import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NOTIFY_CATEGORIES, type NotifyCategory } from './categories';

export class NotificationListQuery {
  /** The last id of the previous page. */
  @IsOptional()
  @IsUUID()
  before?: string;
}

/** The link in every email of a category that can be turned off. */
export class UnsubscribeQuery {
  @IsUUID()
  u!: string;

  @IsIn(NOTIFY_CATEGORIES)
  c!: NotifyCategory;

  @IsString()
  @MaxLength(100)
  t!: string;
}
