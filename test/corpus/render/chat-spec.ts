/** What a chat screenshot shows, independent of the app that draws it. */

export const CHAT_STYLES = ['wechat', 'qq', 'sms'] as const;
export type ChatStyle = (typeof CHAT_STYLES)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A time shown centred between messages, as chat apps do after a pause. */
export interface TimeEntry {
  kind: 'time';
  text: string;
}

export interface MessageEntry {
  kind: 'message';
  /** `them` is drawn on the left, `me` (the screenshot's owner) on the right. */
  from: 'them' | 'me';
  text: string;
}

export type ChatEntry = TimeEntry | MessageEntry;

export interface ChatSpec {
  /** The other party's name, shown in the title bar. */
  contact: string;
  /** The status bar's clock, such as "14:32". */
  clock: string;
  batteryPercent: number;
  /** Top to bottom; they must fit one screen (the layout refuses a chat that overflows). */
  entries: ChatEntry[];
}
