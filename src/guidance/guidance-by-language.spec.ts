import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadGuidanceByLanguage } from './guidance-by-language';
import { GUIDANCE_FILES } from './guidance-language';
import { shapeDifferences } from './guidance-shape';
import { loadGuidance } from './guidance.loader';

type Document = Record<string, Record<string, unknown>>;

describe('the guidance in two languages', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'guidance-languages-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  /** The real Chinese file, changed by `edit`, next to the real English one. */
  function withChinese(edit: (document: Document) => void) {
    const document = parse(readFileSync(GUIDANCE_FILES.zh, 'utf8')) as Document;
    edit(document);
    const zh = join(directory, 'guidance.zh.yaml');
    writeFileSync(zh, JSON.stringify(document));
    return { en: GUIDANCE_FILES.en, zh };
  }

  it('the real files load, and the Chinese one is Chinese and keeps every list tip for tip', () => {
    const guidance = loadGuidanceByLanguage();
    expect(shapeDifferences(guidance.en, guidance.zh)).toEqual([]);
    expect(guidance.zh.platforms.taobao.name).toMatch(/淘宝/);
    expect(guidance.zh.common.advice.every((tip) => /[\u4e00-\u9fff]/.test(tip))).toBe(true);
  });

  it('names each list a translation lacks, adds or counts differently', () => {
    const files = withChinese((document) => {
      (document.taobao.captureNow as string[]).pop();
      delete (document.common.caseTypes as Record<string, unknown>).extortion;
      (document.jd as { caseTypes?: Record<string, string[]> }).caseTypes = {
        ad_click_attack: ['多出来的建议'],
      };
    });
    const english = loadGuidance(files.en);
    const differences = shapeDifferences(english, loadGuidance(files.zh));
    expect(differences).toEqual(
      expect.arrayContaining([
        'common.caseTypes.extortion: missing',
        `taobao.captureNow: ${english.platforms.taobao.captureNow.length - 1} tips where the original has ${english.platforms.taobao.captureNow.length}`,
        'jd.caseTypes.ad_click_attack: not in the original',
      ]),
    );
    expect(() => loadGuidanceByLanguage(files)).toThrow(
      `Guidance file ${files.zh} does not match ${files.en} list for list:`,
    );
  });

  it('refuses a translation with a broken tip, naming its file', () => {
    const files = withChinese((document) => {
      (document.tmall.reportChannel as string[])[0] = '';
    });
    expect(() => loadGuidanceByLanguage(files)).toThrow(
      `Guidance file ${files.zh} has 1 problem:\n  - tmall.reportChannel[0]: is empty (line 1)`,
    );
  });
});
