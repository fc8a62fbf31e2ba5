import { resolve } from 'node:path';
import { loadGuidanceByLanguage } from '../src/guidance/guidance-by-language';
import { GUIDANCE_FILES } from '../src/guidance/guidance-language';
import { loadGuidance } from '../src/guidance/guidance.loader';

// Runs the same check the service runs at start-up, so an edit can be tried before it ships:
// with no file, both languages' files and that the translation keeps the English lists.
// Usage: npm run guidance:check [-- path/to/guidance.yaml]
function main(): void {
  try {
    if (process.argv[2]) {
      const file = resolve(process.argv[2]);
      const platforms = Object.keys(loadGuidance(file).platforms).length;
      console.log(`OK: ${file} is valid (${platforms} platforms and the common advice).`);
    } else {
      loadGuidanceByLanguage();
      const files = Object.values(GUIDANCE_FILES).join(' and ');
      console.log(`OK: ${files} are valid and match list for list.`);
    }
  } catch (error) {
    console.error((error as Error).message);
    console.error('\nFix the problems above, then run npm run guidance:check again.');
    process.exitCode = 1;
  }
}

main();
