import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusScreenshots } from './corpus-chats';
import { MANIFEST_FILE, SCREENSHOTS_FOLDER } from './manifest';
import { renderChat } from './render/render-chat';
import { SCREEN_SIZES } from './render/screen-sizes';

/**
 * Draws the screenshot corpus into test/corpus/screenshots with its manifest, replacing what was
 * there. The same code and fonts always draw the same files.
 */
async function generateCorpus(): Promise<void> {
  await mkdir(SCREENSHOTS_FOLDER, { recursive: true });
  for (const stale of await readdir(SCREENSHOTS_FOLDER)) {
    await rm(path.join(SCREENSHOTS_FOLDER, stale));
  }
  const screenshots = corpusScreenshots();
  for (const screenshot of screenshots) {
    const size = SCREEN_SIZES.find((candidate) => candidate.label === screenshot.size);
    if (!size) throw new Error(`No screen size ${screenshot.size}`);
    const png = await renderChat(screenshot.chat, screenshot.style, screenshot.theme, size);
    await writeFile(path.join(SCREENSHOTS_FOLDER, screenshot.file), png);
  }
  await writeFile(MANIFEST_FILE, `${JSON.stringify(screenshots, null, 2)}\n`);
  console.log(`${screenshots.length} screenshots in ${SCREENSHOTS_FOLDER}`);
}

void generateCorpus();
