import type { CaseEntity } from './case.entity';

declare const lockedBrand: unique symbol;

/**
 * A case whose row the current transaction holds locked (or has just inserted), so changes to
 * it serialise. Only CasesRepository makes one, and only CaseWriter changes one.
 */
export type LockedCase = CaseEntity & { readonly [lockedBrand]: true };
