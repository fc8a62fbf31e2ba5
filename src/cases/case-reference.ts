import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L or U: a reference read out over the phone cannot be mistaken. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 6;
const REFERENCE = new RegExp(`^BW-[${ALPHABET}]{${LENGTH}}$`);

export function newCaseReference(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `BW-${code}`;
}

/** The reference in its stored form, or undefined when the text cannot be one. */
export function parseCaseReference(text: string): string | undefined {
  const upper = text.trim().toUpperCase();
  return REFERENCE.test(upper) ? upper : undefined;
}
