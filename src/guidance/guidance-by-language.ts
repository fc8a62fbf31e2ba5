import { GUIDANCE_FILES, GUIDANCE_LANGUAGES, GuidanceLanguage } from './guidance-language';
import { shapeDifferences } from './guidance-shape';
import { loadGuidance } from './guidance.loader';
import type { Guidance } from './guidance.schema';

export type GuidanceByLanguage = Readonly<Record<GuidanceLanguage, Guidance>>;

/**
 * Reads and checks every language's file, and that each translation keeps the English file's
 * lists tip for tip; throws an Error naming the file and every problem.
 */
export function loadGuidanceByLanguage(
  files: Readonly<Record<GuidanceLanguage, string>> = GUIDANCE_FILES,
): GuidanceByLanguage {
  const byLanguage = Object.fromEntries(
    GUIDANCE_LANGUAGES.map((language) => [language, loadGuidance(files[language])]),
  ) as Record<GuidanceLanguage, Guidance>;
  for (const language of GUIDANCE_LANGUAGES.filter((other) => other !== 'en')) {
    const differences = shapeDifferences(byLanguage.en, byLanguage[language]);
    if (differences.length > 0) {
      throw new Error(
        `Guidance file ${files[language]} does not match ${files.en} list for list:\n` +
          differences.map((difference) => `  - ${difference}`).join('\n'),
      );
    }
  }
  return byLanguage;
}
