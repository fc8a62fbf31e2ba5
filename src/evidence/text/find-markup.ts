import { finished } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { SAXParser, type StartTag } from 'parse5-sax-parser';

/** Markup found in a text: what it is, in words its uploader can act on, and on which line. */
export interface Markup {
  found: string;
  line: number;
}

/*
 * Chat logs hold `<` and `>` as text (价格<50元, <图片>, >_<, <a@b.com>), so a `<` proves nothing;
 * what is refused is what a browser or an XML reader would act on:
 *
 * 1. A start or end tag of an element below, a comment, a doctype, a CDATA section or an XML
 *    processing instruction (`<?xml`). Looked for at every `<`, so they count inside attribute
 *    values and unclosed tags too, where a page that showed the text elsewhere could free them.
 * 2. A tag of any name with an event handler (`on…` with a value), a style attribute (CSS can
 *    fetch and cover the page), or a javascript:, vbscript: or data: URL in any attribute. Tags
 *    are read by parse5's tokenizer as a browser reads a page: any case, line breaks and `/` between
 *    attributes, `>` inside quotes, character references (jav&#x61;script&colon;) decoded.
 *
 * Markup escaped as entities (&lt;script&gt;) is text to a browser too, and passes.
 */
const REFUSED_ELEMENTS = [
  // Run script, or turn what follows into raw text that a tokenizer would not read as tags.
  ...['script', 'noscript', 'template', 'style', 'title', 'textarea', 'xmp', 'plaintext'],
  ...['noembed', 'noframes'],
  // Load or embed other content.
  ...['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'img', 'image', 'picture'],
  ...['source', 'video', 'audio', 'track', 'link'],
  // Take over the page, or ask its reader for something.
  ...['html', 'head', 'body', 'base', 'meta', 'form', 'input', 'button', 'xml'],
  // Foreign content, with scripting and parsing rules of its own.
  ...['svg', 'math'],
];

const REFUSED_TAG = new RegExp(
  '<(?:!--|!doctype|!\\[cdata\\[|\\?[a-z]|' +
    `/?(?:[a-z][\\w.-]*:)?(${REFUSED_ELEMENTS.join('|')})(?=[\\s/>]|$))`,
  'i',
);

const SCRIPTING_URL = /^(javascript|vbscript|data):/i;

/**
 * Characters read between turns of the event loop, so that a long text does not hold up other
 * requests. A slice ends after whitespace or `>`, which no refused tag holds, so none is cut.
 */
const SLICE_CHARS = 1024 * 1024;
const SLICE_END = /[\s>]/g;

/** Markup found, with its line if known, and how much of the text had been read by then. */
interface Finding {
  found: string;
  line: number | null;
  readTo: number;
}

/** Markup in `text` by the rules above, or null for plain text. */
export async function findMarkup(text: string): Promise<Markup | null> {
  const finding = await findFirst(text, false);
  if (!finding) return null;
  if (finding.line !== null) return { found: finding.found, line: finding.line };
  // Locating every token makes the tokenizer several times slower, so a text is read again for
  // the line only once it is known to hold markup, and only as far as that markup.
  const located = await findFirst(text.slice(0, finding.readTo), true);
  return { found: finding.found, line: located?.line ?? 1 };
}

async function findFirst(text: string, locate: boolean): Promise<Finding | null> {
  const findings: Finding[] = [];
  let written = 0;
  const tags = new SAXParser({ sourceCodeLocationInfo: locate });
  tags.on('startTag', (tag: StartTag) => {
    const found = refusedAttributeOf(tag);
    if (!found || findings.length > 0) return;
    findings.push({ found, line: tag.sourceCodeLocation?.startLine ?? null, readTo: written });
    tags.stop();
  });
  for (let start = 0; start < text.length && findings.length === 0; start = written) {
    written = sliceEnd(text, start);
    const slice = text.slice(start, written);
    const element = REFUSED_TAG.exec(slice);
    if (element) {
      const line = lineAt(text, start + element.index);
      findings.push({ found: describeTag(element), line, readTo: written });
      break;
    }
    tags.write(slice);
    await setImmediate();
  }
  tags.end();
  await finished(tags, { readable: false });
  return findings[0] ?? null;
}

function sliceEnd(text: string, start: number): number {
  SLICE_END.lastIndex = start + SLICE_CHARS;
  const boundary = SLICE_END.exec(text);
  return boundary ? boundary.index + 1 : text.length;
}

function describeTag(match: RegExpExecArray): string {
  const opening = match[0].slice(0, 3).toLowerCase();
  if (opening === '<!-') return 'an HTML comment';
  if (opening === '<!d') return 'a <!DOCTYPE> declaration';
  if (opening === '<![') return 'a CDATA section';
  if (opening.startsWith('<?')) return 'an XML processing instruction (<?…?>)';
  return `a <${match[1].toLowerCase()}> tag`;
}

function refusedAttributeOf(tag: StartTag): string | null {
  for (const { name, value } of tag.attrs) {
    if (name.startsWith('on') && value !== '') return 'an event handler attribute (on…=)';
    if (name === 'style') return 'a style attribute';
    const scheme = SCRIPTING_URL.exec(urlStart(value));
    if (scheme) return `a ${scheme[1].toLowerCase()}: URL`;
  }
  return null;
}

/**
 * The start of a value as a URL parser reads its scheme: it skips spaces and controls before it
 * and drops tabs and line breaks inside it; dropping every one of them errs on the side of refusing.
 */
function urlStart(value: string): string {
  let start = '';
  for (const char of value) {
    if (char > ' ') start += char;
    if (start.length === 'javascript:'.length) break;
  }
  return start;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    line += 1;
  }
  return line;
}
