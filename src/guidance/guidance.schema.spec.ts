import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CASE_TYPES } from '../cases/case-type';
import { PLATFORMS } from '../common/platform';
import { GUIDANCE_FILES } from './guidance-language';
import { loadGuidance, parseGuidance } from './guidance.loader';
import { formatGuidanceError, validateGuidance } from './guidance.schema';

const REAL_FILE = join(__dirname, '..', '..', 'data', 'guidance.yaml');

type Document = Record<string, Record<string, unknown>>;

/** A small valid document: every platform with one tip per list. */
function validDocument(): Document {
  const platform = (name: string) => ({
    name,
    acceptedProof: ['In-platform chat records'],
    supportingOnly: ['QQ or WeChat screenshots'],
    captureNow: ['Screenshot the whole chat', 'Keep the order number', 'Export the order list'],
    reportChannel: ['The review appeal in the seller centre'],
  });
  return {
    common: { advice: ['Do not pay'], caseTypes: { extortion: ['Capture the demand'] } },
    ...Object.fromEntries(PLATFORMS.map((id) => [id, platform(id)])),
  };
}

function errorsOf(document: unknown): string[] {
  const result = validateGuidance(document);
  return result.ok ? [] : result.errors.map(formatGuidanceError);
}

describe('the guidance file', () => {
  it('the real data/guidance.yaml passes every check', () => {
    const guidance = loadGuidance(REAL_FILE);
    expect(Object.keys(guidance.platforms)).toEqual([...PLATFORMS]);
    expect(guidance.common.advice.length).toBeGreaterThan(0);
  });

  it('the real file has common tips for every kind of case and no links', () => {
    const guidance = loadGuidance(REAL_FILE);
    for (const caseType of CASE_TYPES) {
      expect(guidance.common.caseTypes[caseType]?.length).toBeGreaterThan(0);
    }
    const everyTip = [
      ...guidance.common.advice,
      ...Object.values(guidance.common.caseTypes).flat(),
      ...Object.values(guidance.platforms).flatMap((entry) => [
        entry.name,
        ...entry.acceptedProof,
        ...entry.supportingOnly,
        ...entry.captureNow,
        ...entry.reportChannel,
        ...Object.values(entry.caseTypes).flat(),
      ]),
    ];
    expect(everyTip.filter((tip) => /https?:|www\./i.test(tip))).toEqual([]);
  });

  it('is read from data/ under the directory the service starts in, one file per language', () => {
    expect(GUIDANCE_FILES).toEqual({
      en: join(process.cwd(), 'data', 'guidance.yaml'),
      zh: join(process.cwd(), 'data', 'guidance.zh.yaml'),
    });
  });
});

describe('validateGuidance', () => {
  it('accepts a valid document, trimming the text and defaulting caseTypes to none', () => {
    const document = validDocument();
    document.taobao.captureNow = ['  Screenshot the whole chat  '];
    const result = validateGuidance(document);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.guidance.platforms.taobao.captureNow).toEqual(['Screenshot the whole chat']);
    expect(result.guidance.platforms.jd.caseTypes).toEqual({});
    expect(result.guidance.common.caseTypes.extortion).toEqual(['Capture the demand']);
  });

  it('counts characters, not bytes: 500 Chinese characters are allowed', () => {
    const document = validDocument();
    document.taobao.captureNow = ['截'.repeat(500)];
    expect(errorsOf(document)).toEqual([]);
  });

  const broken: [string, (document: Document) => unknown, string][] = [
    [
      'a missing platform',
      (d) => {
        delete d.jd;
        return d;
      },
      'jd: missing; every marketplace needs one',
    ],
    [
      'a missing common block',
      (d) => {
        delete d.common;
        return d;
      },
      'common: missing; it holds the advice for every seller',
    ],
    [
      'an unknown platform',
      (d) => ({ ...d, wish: d.taobao }),
      'wish: unknown section; allowed are common, taobao, tmall, jd, pinduoduo, douyin, amazon, ebay, shopee, aliexpress, etsy, other',
    ],
    [
      'a platform that is not a block',
      (d) => ({ ...d, taobao: 'Taobao' }),
      'taobao: must be a block with name, acceptedProof, supportingOnly, captureNow, reportChannel, caseTypes',
    ],
    [
      'an unknown field',
      (d) => {
        d.taobao.captureNw = ['Screenshot'];
        return d;
      },
      'taobao.captureNw: unknown field; allowed are name, acceptedProof, supportingOnly, captureNow, reportChannel, caseTypes',
    ],
    [
      'a missing field',
      (d) => {
        delete d.amazon.reportChannel;
        return d;
      },
      'amazon.reportChannel: missing',
    ],
    [
      'a missing name',
      (d) => {
        delete d.ebay.name;
        return d;
      },
      'ebay.name: missing',
    ],
    [
      'an empty name',
      (d) => {
        d.ebay.name = '   ';
        return d;
      },
      'ebay.name: is empty',
    ],
    [
      'a name over 100 characters',
      (d) => {
        d.ebay.name = 'e'.repeat(101);
        return d;
      },
      'ebay.name: must be at most 100 characters (it has 101)',
    ],
    [
      'a list given as one line of text',
      (d) => {
        d.taobao.captureNow = 'Screenshot the whole chat';
        return d;
      },
      'taobao.captureNow: must be a list of tips, each on its own line starting with "- "',
    ],
    [
      'an empty list',
      (d) => {
        d.jd.supportingOnly = [];
        return d;
      },
      'jd.supportingOnly: must have at least one tip',
    ],
    [
      'a tip that is a number',
      (d) => {
        (d.taobao.captureNow as unknown[])[2] = 12;
        return d;
      },
      'taobao.captureNow[2]: must be text',
    ],
    [
      'a tip with an unquoted ": " (read by YAML as a pair)',
      (d) => {
        (d.taobao.captureNow as unknown[])[2] = { Note: 'keep it' };
        return d;
      },
      'taobao.captureNow[2]: must be text; text containing ": " must be put in double quotes',
    ],
    [
      'an empty tip (a lone "- ")',
      (d) => {
        (d.taobao.captureNow as unknown[])[1] = null;
        return d;
      },
      'taobao.captureNow[1]: is empty',
    ],
    [
      'a tip of spaces',
      (d) => {
        (d.etsy.acceptedProof as unknown[])[0] = '  ';
        return d;
      },
      'etsy.acceptedProof[0]: is empty',
    ],
    [
      'a tip over 500 characters',
      (d) => {
        (d.shopee.reportChannel as unknown[])[0] = 'x'.repeat(501);
        return d;
      },
      'shopee.reportChannel[0]: must be at most 500 characters (it has 501)',
    ],
    [
      'an unknown kind of case',
      (d) => {
        d.taobao.caseTypes = { extorsion: ['Keep the demand'] };
        return d;
      },
      'taobao.caseTypes.extorsion: unknown kind of case; allowed are extortion, malicious_review, malicious_purchase, ad_click_attack, fake_review_ring, other',
    ],
    [
      'caseTypes that is a list',
      (d) => {
        d.douyin.caseTypes = ['Keep the demand'];
        return d;
      },
      'douyin.caseTypes: must be a block of kinds of case (extortion, malicious_review, malicious_purchase, ad_click_attack, fake_review_ring, other)',
    ],
    [
      'a kind of case with no tips under it',
      (d) => {
        d.douyin.caseTypes = { ad_click_attack: null };
        return d;
      },
      'douyin.caseTypes.ad_click_attack: must be a list of tips, each on its own line starting with "- "',
    ],
    [
      'a broken tip in a common kind of case',
      (d) => {
        d.common.caseTypes = { extortion: ['Capture the demand', ''] };
        return d;
      },
      'common.caseTypes.extortion[1]: is empty',
    ],
    [
      'common without advice',
      (d) => {
        delete d.common.advice;
        return d;
      },
      'common.advice: missing',
    ],
    [
      'an unknown field in common',
      (d) => {
        d.common.captureNow = ['Screenshot'];
        return d;
      },
      'common.captureNow: unknown field; allowed are advice, caseTypes',
    ],
    [
      'a file that is a list',
      () => ['taobao'],
      '(whole file): must hold the sections common, taobao, tmall, jd, pinduoduo, douyin, amazon, ebay, shopee, aliexpress, etsy, other',
    ],
    [
      'an empty file',
      () => null,
      '(whole file): must hold the sections common, taobao, tmall, jd, pinduoduo, douyin, amazon, ebay, shopee, aliexpress, etsy, other',
    ],
  ];

  it.each(broken)('refuses %s, naming the place', (_name, breakIt, expected) => {
    expect(errorsOf(breakIt(validDocument()))).toEqual([expected]);
  });

  it('reports every problem at once, not only the first', () => {
    const document = validDocument();
    delete document.etsy;
    document.taobao.captureNow = [];
    document.jd.name = 7;
    expect(errorsOf(document)).toEqual([
      'taobao.captureNow: must have at least one tip',
      'jd.name: must be text',
      'etsy: missing; every marketplace needs one',
    ]);
  });
});

describe('parseGuidance', () => {
  const withTaobaoCaptureNow = (lines: string[]) => {
    const source = readRealSource().replace(
      /^ {2}captureNow:\n(?: {4}- .*\n)+/m,
      ['  captureNow:', ...lines.map((line) => `    ${line}`), ''].join('\n'),
    );
    const line = source.split('\n').indexOf('  captureNow:') + 1;
    return { source, line };
  };

  it('names the line of a broken tip', () => {
    const { source, line } = withTaobaoCaptureNow(['- Keep the order number', '- Note: this']);
    expect(parseGuidance(source)).toEqual({
      ok: false,
      problems: [
        `taobao.captureNow[1]: must be text; text containing ": " must be put in double quotes (line ${line + 2})`,
      ],
    });
  });

  it('refuses a tip whose end YAML would drop as a note after " #"', () => {
    const { source, line } = withTaobaoCaptureNow(['- Keep order #123 in a safe place']);
    expect(parseGuidance(source)).toEqual({
      ok: false,
      problems: [
        `line ${line + 1}: the text after " #" is read as an editor's note and dropped; put the whole tip in double quotes, or move the note to a line of its own`,
      ],
    });
  });

  it('accepts the same tip in double quotes', () => {
    const { source } = withTaobaoCaptureNow(['- "Keep order #123 in a safe place: it is proof"']);
    const parsed = parseGuidance(source);
    expect(parsed.ok && parsed.guidance.platforms.taobao.captureNow).toEqual([
      'Keep order #123 in a safe place: it is proof',
    ]);
  });

  it('refuses a tab used for indentation, naming the line', () => {
    const parsed = parseGuidance('common:\n\tadvice:\n\t\t- Do not pay\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatch(/^Tabs are not allowed as indentation at line 2/);
  });

  it('refuses the same key twice', () => {
    const source = `${readRealSource()}\njd:\n  name: JD again\n`;
    const parsed = parseGuidance(source);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([expect.stringMatching(/^Map keys must be unique/)]);
  });

  it('explains a colon in a name', () => {
    const parsed = parseGuidance(
      readRealSource().replace('name: Taobao (淘宝)', 'name: Taobao: 淘宝'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toContain('text containing ": " must be put in double quotes');
  });

  it('lists problems in the order of the file, missing sections last', () => {
    const source = readRealSource()
      .replace(/^etsy:\n(?: {2}.*\n|\n)*/m, '')
      .replace('  name: JD.com (京东)', '  name: ""');
    const parsed = parseGuidance(source);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      expect.stringMatching(/^jd\.name: is empty \(line \d+\)$/),
      'etsy: missing; every marketplace needs one',
    ]);
  });
});

describe('loadGuidance', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'guidance-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('throws an error that names the file and every problem', () => {
    const file = join(directory, 'guidance.yaml');
    const document = parse(readRealSource()) as Document;
    delete document.tmall;
    (document.taobao.captureNow as unknown[])[0] = '';
    writeFileSync(file, JSON.stringify(document));
    expect(() => loadGuidance(file)).toThrow(
      `Guidance file ${file} has 2 problems:\n` +
        '  - taobao.captureNow[0]: is empty (line 1)\n' +
        '  - tmall: missing; every marketplace needs one',
    );
  });

  it('throws an error that names a file it cannot read', () => {
    const file = join(directory, 'absent.yaml');
    expect(() => loadGuidance(file)).toThrow(`Guidance file ${file} could not be read`);
  });
});

function readRealSource(): string {
  return readFileSync(REAL_FILE, 'utf8');
}
