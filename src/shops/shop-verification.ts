/** How a moderator satisfied themself that the people behind a shop's accounts run it. */
export const SHOP_VERIFICATION_METHODS = [
  /** A code the moderator sent through the marketplace's own seller messaging came back. */
  'platform_message',
  /** A screenshot or screen share of the shop's back office, signed in. */
  'backoffice',
  /** The business licence or registration the marketplace shows for the shop. */
  'business_licence',
  'video_call',
  'other',
] as const;

export type ShopVerificationMethod = (typeof SHOP_VERIFICATION_METHODS)[number];
