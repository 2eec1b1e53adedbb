import type { NotifyCategory, NotifyChannel } from '@siantar/contracts';
import type { Lang, NoticeContent } from '../templates/templates';

export interface Recipient {
  id: string;
  name: string;
  email: string | null;
  language: Lang;
  /** Why mail to this address is paused (a permanent refusal), or null. */
  emailBounce?: string | null;
}

export interface Delivery {
  key: string;
  category: NotifyCategory;
  to: Recipient;
  content: NoticeContent;
  /** The user wants this category bundled into a daily digest (channels that can, do). */
  digest: boolean;
}

export type DeliveryOutcome = {
  /** bounced: the address was refused for good; the channel stops using it. */
  status: 'sent' | 'skipped' | 'deferred' | 'bounced';
  detail?: string;
};

/**
 * A way to reach a person. Producers never see adapters: they plan notices, and the
 * delivery job hands each one to every adapter whose channel the user has on, so a
 * WhatsApp or SMS gateway is one more class in NOTIFY_CHANNELS_PROVIDERS.
 */
export abstract class ChannelAdapter {
  abstract readonly channel: NotifyChannel;
  /** Must be safe to call again for the same key (a retried job). */
  abstract deliver(d: Delivery): Promise<DeliveryOutcome>;
}

export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');
