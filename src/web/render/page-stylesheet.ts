import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS_DIR } from './assets';

/**
 * The one stylesheet, written into every page's head. A linked stylesheet costs a second round
 * trip before the first paint: on a slow 3G line, 2 s more before a seller can fill in the form.
 * The page's CSP names the stylesheet's hash, so no other inline style is ever applied.
 */
export interface PageStylesheet {
  text: string;
  /** The CSP source that allows exactly this text: `'sha256-…'`. */
  cspSource: string;
}

let loaded: PageStylesheet | undefined;

export function pageStylesheet(): PageStylesheet {
  loaded ??= stylesheetOf(readFileSync(join(ASSETS_DIR, 'bulwark.css'), 'utf8'));
  return loaded;
}

export function stylesheetOf(text: string): PageStylesheet {
  if (text.includes('</')) throw new Error('The page stylesheet may not contain "</"');
  const digest = createHash('sha256').update(text, 'utf8').digest('base64');
  return { text, cspSource: `'sha256-${digest}'` };
}
