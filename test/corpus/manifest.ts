import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChatSpec, ChatStyle, Theme } from './render/chat-spec';

export const SCREENSHOTS_FOLDER = path.join(__dirname, 'screenshots');
export const MANIFEST_FILE = path.join(SCREENSHOTS_FOLDER, 'manifest.json');

/** An identifier the screenshot shows, in the normaliser's canonical form. */
export interface ExpectedIdentifier {
  kind: 'qq' | 'wechat' | 'phone' | 'email' | 'payment_account';
  /** The wallet of a payment account. */
  provider?: 'alipay';
  value: string;
}

/** Numbers on the screen that no identifier may be read from. */
export interface Distractor {
  kind: 'timestamp' | 'order_id' | 'amount' | 'date';
  text: string;
}

export interface CorpusScreenshot {
  /** The PNG's name in SCREENSHOTS_FOLDER. */
  file: string;
  style: ChatStyle;
  theme: Theme;
  /** A SCREEN_SIZES label, such as "1080x2340". */
  size: string;
  chat: ChatSpec;
  identifiers: ExpectedIdentifier[];
  /** Sums in CNY with two decimals, as extractAmountsDemanded gives them. */
  amounts: string[];
  distractors: Distractor[];
}

export async function readManifest(): Promise<CorpusScreenshot[]> {
  return JSON.parse(await readFile(MANIFEST_FILE, 'utf8')) as CorpusScreenshot[];
}
