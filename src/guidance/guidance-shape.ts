import type { Guidance } from './guidance.schema';

/** Every list of a guidance file by where it is, with how many tips it holds. */
function listsOf(guidance: Guidance): Map<string, number> {
  const lists = new Map<string, number>([['common.advice', guidance.common.advice.length]]);
  for (const [caseType, tips] of Object.entries(guidance.common.caseTypes)) {
    lists.set(`common.caseTypes.${caseType}`, tips?.length ?? 0);
  }
  for (const [platform, entry] of Object.entries(guidance.platforms)) {
    lists.set(`${platform}.acceptedProof`, entry.acceptedProof.length);
    lists.set(`${platform}.supportingOnly`, entry.supportingOnly.length);
    lists.set(`${platform}.captureNow`, entry.captureNow.length);
    lists.set(`${platform}.reportChannel`, entry.reportChannel.length);
    for (const [caseType, tips] of Object.entries(entry.caseTypes)) {
      lists.set(`${platform}.caseTypes.${caseType}`, tips?.length ?? 0);
    }
  }
  return lists;
}

/**
 * How a translation differs in shape from the original: a list one has and the other lacks, or
 * a list with another number of tips. A translation is kept tip for tip, so a seller reading
 * either language gets the same advice.
 */
export function shapeDifferences(original: Guidance, translation: Guidance): string[] {
  const expected = listsOf(original);
  const actual = listsOf(translation);
  const differences: string[] = [];
  for (const [place, count] of expected) {
    const translated = actual.get(place);
    if (translated === undefined) differences.push(`${place}: missing`);
    else if (translated !== count) {
      differences.push(`${place}: ${translated} tips where the original has ${count}`);
    }
  }
  for (const place of actual.keys()) {
    if (!expected.has(place)) differences.push(`${place}: not in the original`);
  }
  return differences;
}
