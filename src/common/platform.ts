/** Marketplaces a shop or a case can belong to. */
export const PLATFORMS = [
  'taobao',
  'tmall',
  'jd',
  'pinduoduo',
  'douyin',
  'amazon',
  'ebay',
  'shopee',
  'aliexpress',
  'etsy',
  'other',
] as const;

export type Platform = (typeof PLATFORMS)[number];
