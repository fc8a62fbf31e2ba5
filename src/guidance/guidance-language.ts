import { join } from 'node:path';

/** The languages the guidance is written in; English is the one an edit starts from. */
export const GUIDANCE_LANGUAGES = ['en', 'zh'] as const;
export type GuidanceLanguage = (typeof GUIDANCE_LANGUAGES)[number];

/** Each language's file, relative to where the service is started (/app in Docker). */
export const GUIDANCE_FILES: Readonly<Record<GuidanceLanguage, string>> = {
  en: join(process.cwd(), 'data', 'guidance.yaml'),
  zh: join(process.cwd(), 'data', 'guidance.zh.yaml'),
};
