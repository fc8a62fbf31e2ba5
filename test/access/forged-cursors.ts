/**
 * Cursors a client could forge: they decode (base64url of JSON or of `s<sequence>`, as
 * src/common/pagination and src/intel/offenders/score-cursor.ts write them) but hold what no
 * column behind a list can. Every list is tried with all of them, whatever its own kind of
 * cursor, so one list that trusts the wrong kind is found too.
 */
export interface ForgedCursor {
  what: string;
  cursor: string;
  /** Where this one fits a column, so that a list may rightly take it (never with a 5xx). */
  fitsSome?: string;
}

const ID = '6f0c2b1e-4a57-4c1a-9f3e-2d7b8c9a0e11';
const AT = '2026-01-01T00:00:00.000Z';

const encoded = (text: string) => Buffer.from(text).toString('base64url');
const keyset = (at: string) => encoded(`[${JSON.stringify(at)},"${ID}"]`);
const scored = (score: string) => encoded(`[${score},"${ID}"]`);
const sequence = (seq: string) => encoded(`s${seq}`);

export const FORGED_CURSORS: readonly ForgedCursor[] = [
  { what: 'the first instant a Date holds', cursor: keyset('-271821-04-20T00:00:00.000Z') },
  { what: 'the last instant a Date holds', cursor: keyset('+275760-09-13T00:00:00.000Z') },
  { what: 'an instant past what a Date holds', cursor: keyset('+275760-09-13T00:00:00.001Z') },
  { what: 'year 0', cursor: keyset('0000-01-01T00:00:00.000Z') },
  { what: 'year 10000', cursor: keyset('+010000-01-01T00:00:00.000Z') },
  { what: 'a number for a timestamp', cursor: keyset('1e300') },
  { what: 'a 20-digit sequence', cursor: sequence('9'.repeat(20)) },
  { what: 'a sequence past a bigint', cursor: sequence(String(2n ** 63n)) },
  {
    what: 'a sequence past an integer',
    cursor: sequence(String(2 ** 31)),
    fitsSome: 'a bigint sequence',
  },
  { what: 'a negative sequence', cursor: sequence('-1') },
  { what: 'a fractional sequence', cursor: sequence('1.5') },
  { what: 'a score of 1e300', cursor: scored('1e300') },
  { what: 'a score that parses to Infinity', cursor: scored('1e999') },
  { what: 'a score over 2^31', cursor: scored(String(2 ** 31)) },
  { what: 'a 20-digit score', cursor: scored('9'.repeat(20)) },
  { what: 'a negative score', cursor: scored('-1') },
  { what: 'a fractional score', cursor: scored('1.5'), fitsSome: 'a risk score' },
  { what: 'a null for the position', cursor: scored('null') },
  { what: 'a boolean for the position', cursor: scored('true') },
  { what: 'a number for the id', cursor: encoded(`["${AT}",42]`) },
  { what: 'an id that is no UUID', cursor: encoded(`["${AT}","${ID}x"]`) },
  { what: 'an object', cursor: encoded(`{"at":"${AT}","id":"${ID}"}`) },
  { what: 'three elements', cursor: encoded(`["${AT}","${ID}",1]`) },
  { what: 'a bare number', cursor: encoded('42') },
];
