import { readFileSync } from 'node:fs';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import { formatGuidanceError, Guidance, GuidanceError, validateGuidance } from './guidance.schema';

export type GuidanceParse =
  | { readonly ok: true; readonly guidance: Guidance }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Parses and checks the text of a guidance file. Problems name the place and the line, so that
 * whoever edited the file can find it: `taobao.captureNow[2]: must be text (line 120)`.
 */
export function parseGuidance(source: string): GuidanceParse {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.map((error) => syntaxProblem(error.message)) };
  }
  const droppedNotes = notesAfterTips(document, lineCounter);
  let parsed: unknown;
  try {
    parsed = document.toJS();
  } catch (error) {
    // Only aliases (&name / *name) expanding past the parser's limit get here.
    return { ok: false, problems: [(error as Error).message] };
  }
  const validation = validateGuidance(parsed);
  if (validation.ok && droppedNotes.length === 0) {
    return { ok: true, guidance: validation.guidance };
  }
  const schemaProblems = validation.ok
    ? []
    : validation.errors.map((error) => placeOf(document, lineCounter, error));
  const problems = [...droppedNotes, ...schemaProblems]
    .sort((a, b) => a.line - b.line)
    .map((problem) => problem.text);
  return { ok: false, problems };
}

/** Reads and checks the guidance file; throws an Error that names the file and every problem. */
export function loadGuidance(file: string): Guidance {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Guidance file ${file} could not be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = parseGuidance(source);
  if (parsed.ok) return parsed.guidance;
  const count = parsed.problems.length;
  throw new Error(
    `Guidance file ${file} has ${count} ${count === 1 ? 'problem' : 'problems'}:\n` +
      parsed.problems.map((problem) => `  - ${problem.replace(/\n/g, '\n    ')}`).join('\n'),
  );
}

function syntaxProblem(message: string): string {
  const text = message.trimEnd();
  // `name: Shop: the best` is the common way to get here; the parser's words do not say so.
  return text.startsWith('Nested mappings are not allowed in compact mappings')
    ? `${text}\n(text containing ": " must be put in double quotes)`
    : text;
}

/**
 * In YAML ` #` starts a comment, so `- Keep order #123` silently becomes "Keep order". Editors'
 * notes go on lines of their own, so a note on the same line as a tip is taken for lost text.
 */
function notesAfterTips(
  document: Document,
  lineCounter: LineCounter,
): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  visit(document, {
    Scalar(key, node) {
      if (typeof key !== 'number' || !node.comment || !node.range) return;
      const { line } = lineCounter.linePos(node.range[0]);
      found.push({
        line,
        text:
          `line ${line}: the text after " #" is read as an editor's note and dropped; ` +
          'put the whole tip in double quotes, or move the note to a line of its own',
      });
    },
  });
  return found;
}

/** Names the line of the key or list item at the error's path, or of the nearest block around it. */
function placeOf(
  document: Document,
  lineCounter: LineCounter,
  error: GuidanceError,
): { line: number; text: string } {
  const text = formatGuidanceError(error);
  let node: unknown = document.contents;
  let line: number | undefined;
  let depth = 0;
  for (const segment of error.path) {
    const start = startOf(node, segment);
    if (!start) break;
    line = lineCounter.linePos(start.offset).line;
    node = start.node;
    depth += 1;
  }
  // A missing section has no line; it is listed after the problems that have one.
  if (line === undefined) return { line: Number.MAX_SAFE_INTEGER, text };
  const where = depth === error.path.length ? `line ${line}` : `in the block at line ${line}`;
  return { line, text: `${text} (${where})` };
}

/** Where `segment` of a block starts (its key, or its list item) and the value it holds. */
function startOf(
  node: unknown,
  segment: string | number,
): { offset: number; node: unknown } | undefined {
  if (typeof segment === 'number' && isSeq(node)) {
    const item = node.items[segment] as { range?: [number, number, number] } | undefined;
    return item?.range ? { offset: item.range[0], node: item } : undefined;
  }
  if (typeof segment === 'string' && isMap(node)) {
    const pair = node.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === segment,
    );
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return pair && range ? { offset: range[0], node: pair.value } : undefined;
  }
  return undefined;
}
