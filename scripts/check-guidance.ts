import { resolve } from 'node:path';
import { GUIDANCE_FILE, loadGuidance } from '../src/guidance/guidance.loader';

// Runs the same check the service runs at start-up, so an edit can be tried before it ships.
// Usage: npm run guidance:check [-- path/to/guidance.yaml]
function main(): void {
  const file = process.argv[2] ? resolve(process.argv[2]) : GUIDANCE_FILE;
  try {
    const guidance = loadGuidance(file);
    const platforms = Object.keys(guidance.platforms).length;
    console.log(`OK: ${file} is valid (${platforms} platforms and the common advice).`);
  } catch (error) {
    console.error((error as Error).message);
    console.error('\nFix the problems above, then run npm run guidance:check again.');
    process.exitCode = 1;
  }
}

main();
