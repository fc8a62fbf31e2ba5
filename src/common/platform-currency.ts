import type { Platform } from './platform';

/**
 * The currency an amount is in when a seller writes no currency: the one the platform's sellers
 * are paid and write prices in. Null where one platform spans several currencies and a guess
 * would put a wrong sum into evidence: Shopee sells in the currency of each of its country sites
 * (SGD, MYR, THB, IDR, PHP, VND, TWD, BRL); AliExpress buyers pay in their own currency while its
 * Chinese sellers price in CNY or USD; and `other` says nothing. Those sellers name the currency.
 */
export const PLATFORM_CURRENCY = {
  taobao: 'CNY',
  tmall: 'CNY',
  jd: 'CNY',
  pinduoduo: 'CNY',
  douyin: 'CNY',
  amazon: 'USD',
  ebay: 'USD',
  etsy: 'USD',
  shopee: null,
  aliexpress: null,
  other: null,
} as const satisfies Record<Platform, 'CNY' | 'USD' | null>;

export type PlatformCurrency = NonNullable<(typeof PLATFORM_CURRENCY)[Platform]>;
