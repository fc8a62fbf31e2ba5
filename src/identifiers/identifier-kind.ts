/** What a reported handle is: the key that decides how its value is normalised. */
export const IDENTIFIER_KINDS = [
  'platform_account',
  'qq',
  'wechat',
  'phone',
  'email',
  'payment_account',
  'order_id',
  'url',
] as const;

export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Where a payment account lives; the scope of a `payment_account` identifier. */
export const PAYMENT_PROVIDERS = ['alipay', 'wechat_pay', 'paypal', 'bank'] as const;

export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];
