import type { Platform } from '../../common/platform';
import type { IdentifierKind, PaymentProvider } from '../../identifiers/identifier-kind';
import type { NormalizedIdentifier } from '../../identifiers/normalize-identifier';

/** An identifier read from an item's text, as the seller who sent the item may see it. */
export interface FoundIdentifier {
  kind: IdentifierKind;
  /** Canonical: E.164 phones, lower-case WeChat IDs and emails. */
  value: string;
  /** As it was read. */
  display: string;
  platform?: Platform;
  provider?: PaymentProvider;
}

export function foundIdentifierOf(identifier: NormalizedIdentifier): FoundIdentifier {
  const { kind, value, display, scope } = identifier;
  if (kind === 'platform_account') return { kind, value, display, platform: scope as Platform };
  if (kind === 'payment_account') {
    return { kind, value, display, provider: scope as PaymentProvider };
  }
  return { kind, value, display };
}
