import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LANGUAGE_PACKAGES = {
  eng: '@tesseract.js-data/eng',
  chi_sim: '@tesseract.js-data/chi_sim',
} as const;

type OcrLanguage = keyof typeof LANGUAGE_PACKAGES;

function isOcrLanguage(language: string): language is OcrLanguage {
  return Object.hasOwn(LANGUAGE_PACKAGES, language);
}

// The LSTM-only models, which is all the default engine reads and what tesseract.js would fetch
// from its CDN. The packages' main folder (4.0.0) adds the legacy engine: files 4 to 12 times as
// large, which read the same screenshots no better and more slowly.
const MODEL_FOLDER = '4.0.0_best_int';

/** The language data is not installed: a deployment fault, never fixed by retrying. */
export class OcrLanguageDataMissingError extends Error {
  override readonly name = 'OcrLanguageDataMissingError';
}

/** The folder in the language's npm package that holds `<language>.traineddata.gz`. */
function languageDataFolder(language: string): string {
  if (!isOcrLanguage(language)) {
    const known = Object.keys(LANGUAGE_PACKAGES).join(', ');
    throw new OcrLanguageDataMissingError(`OCR language '${language}' is not one of ${known}`);
  }
  const packageName = LANGUAGE_PACKAGES[language];
  let packageFolder: string;
  try {
    packageFolder = path.dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    throw new OcrLanguageDataMissingError(
      `OCR language '${language}' needs the npm package ${packageName}, which is not installed`,
    );
  }
  const folder = path.join(packageFolder, MODEL_FOLDER);
  if (!existsSync(path.join(folder, `${language}.traineddata.gz`))) {
    throw new OcrLanguageDataMissingError(
      `The npm package ${packageName} has no ${MODEL_FOLDER}/${language}.traineddata.gz`,
    );
  }
  return folder;
}

export interface LanguageData {
  /** For tesseract.js's `langPath`: a local folder holding every language's data. */
  langPath: string;
  release(): Promise<void>;
}

/**
 * tesseract.js reads all of a worker's languages from one `langPath`, but each language comes in
 * its own package: one language is read where it is installed, several are linked into a
 * temporary folder. (Handing it the data as `{ code, data }` fails in tesseract.js 7.0.0: its
 * initialise step takes `data` for the language's name.)
 */
export async function openLanguageData(languages: readonly string[]): Promise<LanguageData> {
  const distinct = [...new Set(languages)];
  if (distinct.length === 0) throw new OcrLanguageDataMissingError('No OCR language was given');
  const folders = distinct.map(languageDataFolder);
  if (distinct.length === 1) return { langPath: folders[0], release: async () => undefined };

  const langPath = await mkdtemp(path.join(tmpdir(), 'bulwark-ocr-languages-'));
  const release = () => rm(langPath, { recursive: true, force: true });
  try {
    await Promise.all(
      distinct.map((language, index) => {
        const file = `${language}.traineddata.gz`;
        return symlink(path.join(folders[index], file), path.join(langPath, file));
      }),
    );
  } catch (error) {
    await release();
    throw error;
  }
  return { langPath, release };
}
