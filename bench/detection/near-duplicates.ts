import sharp from 'sharp';
import { CHAT_STYLES, THEMES } from '../../test/corpus/render/chat-spec';
import { ChatOverflowError } from '../../test/corpus/render/layout';
import { renderChat } from '../../test/corpus/render/render-chat';
import { SCREEN_SIZES } from '../../test/corpus/render/screen-sizes';
import { distinctChat } from './near-duplicate-chats';
import { SCREENSHOT_MATCH_DISTANCE } from '../../src/intel/screenshots/perceptual-bands';
import { CANDIDATE_HASHES, type CandidateHash } from './near-duplicate-hashes';
import { VARIANTS } from '../../test/corpus/variants';
import { type Box, contentBox } from '../../src/evidence/images/content-box';

/**
 * Which perceptual hash and threshold tell a forwarded copy of a chat screenshot from a different
 * chat drawn by the same app: renders distinct chats per style, theme and size, derives the copies
 * chat apps make, and reports per hash the distances of true pairs (a screenshot and its copy)
 * and of false pairs (two chats of one layout). `NEAR_DUPLICATE_CHATS` sets the chats per layout,
 * `NEAR_DUPLICATE_COPIES` how many of them are copied in every variant.
 */
const CHATS_PER_LAYOUT = Number(process.env.NEAR_DUPLICATE_CHATS ?? 30);
const COPIED_PER_LAYOUT = Number(process.env.NEAR_DUPLICATE_COPIES ?? 8);

interface Decoded {
  data: Buffer;
  width: number;
  height: number;
  /** The chat body, found once per image for the candidates that hash it alone. */
  box: Box;
}

async function decode(image: Buffer): Promise<Decoded> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .greyscale()
    .raw()
    .toBuffer();
  return {
    data,
    width: info.width,
    height: info.height,
    box: contentBox(grey, info.width, info.height),
  };
}

async function hashOf(image: Decoded, candidate: CandidateHash): Promise<bigint> {
  const { width, height, trimTop, trimBottom, bottomWidths } = candidate.reduction;
  const region = candidate.reduction.contentBox
    ? image.box
    : { left: 0, top: 0, width: image.width, height: image.height };
  const bottomRows =
    bottomWidths && Math.min(region.height, Math.round(region.width * bottomWidths));
  const top = bottomRows ? region.height - bottomRows : Math.round(region.height * trimTop);
  const kept = bottomRows || region.height - top - Math.round(region.height * trimBottom);
  const pixels = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .extract({ left: region.left, top: region.top + top, width: region.width, height: kept })
    .resize(width, height, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer();
  return candidate.hash(pixels);
}

const hashesOf = async (image: Buffer) => {
  const decoded = await decode(image);
  return Promise.all(CANDIDATE_HASHES.map((candidate) => hashOf(decoded, candidate)));
};

function distance(a: bigint, b: bigint): number {
  let difference = a ^ b;
  let count = 0;
  while (difference > 0n) {
    count += 1;
    difference &= difference - 1n;
  }
  return count;
}

/** Whether two hashes share one of `threshold + 1` bands: what the index would compare. */
function shareBand(a: bigint, b: bigint, bits: number, threshold: number): boolean {
  const bandBits = Math.ceil(bits / (threshold + 1));
  const mask = (1n << BigInt(bandBits)) - 1n;
  for (let shift = 0; shift < bits; shift += bandBits) {
    if (((a >> BigInt(shift)) & mask) === ((b >> BigInt(shift)) & mask)) return true;
  }
  return false;
}

interface Measurements {
  /** [candidate][variant] → distances between an original and that copy of it. */
  truePairs: number[][][];
  /** [candidate] → distances between two distinct chats of one style, theme and size. */
  falsePairs: number[][];
  /** [candidate] → for each layout, the hashes of its originals. */
  originals: bigint[][][];
}

async function renderLayout(
  style: (typeof CHAT_STYLES)[number],
  theme: 'light' | 'dark',
  sizeIndex: number,
) {
  const size = SCREEN_SIZES[sizeIndex];
  const screenshots: Buffer[] = [];
  for (let index = 0; screenshots.length < CHATS_PER_LAYOUT; index += 1) {
    try {
      screenshots.push(await renderChat(distinctChat(index), style, theme, size));
    } catch (error) {
      if (!(error instanceof ChatOverflowError)) throw error;
    }
  }
  return { size, screenshots };
}

async function measure(): Promise<Measurements> {
  const measurements: Measurements = {
    truePairs: CANDIDATE_HASHES.map(() => VARIANTS.map(() => [])),
    falsePairs: CANDIDATE_HASHES.map(() => []),
    originals: CANDIDATE_HASHES.map(() => []),
  };
  for (const style of CHAT_STYLES) {
    for (const theme of THEMES) {
      for (let sizeIndex = 0; sizeIndex < SCREEN_SIZES.length; sizeIndex += 1) {
        const started = Date.now();
        const { size, screenshots } = await renderLayout(style, theme, sizeIndex);
        const originals: bigint[][] = [];
        for (const [index, screenshot] of screenshots.entries()) {
          const hashes = await hashesOf(screenshot);
          originals.push(hashes);
          if (index >= COPIED_PER_LAYOUT) continue;
          for (const [variantIndex, variant] of VARIANTS.entries()) {
            const copy = await hashesOf(await variant.derive(screenshot, size));
            copy.forEach((hash, candidate) =>
              measurements.truePairs[candidate][variantIndex].push(
                distance(hashes[candidate], hash),
              ),
            );
          }
        }
        CANDIDATE_HASHES.forEach((_, candidate) => {
          const layout = originals.map((hashes) => hashes[candidate]);
          measurements.originals[candidate].push(layout);
          for (let a = 0; a < layout.length; a += 1) {
            for (let b = a + 1; b < layout.length; b += 1) {
              measurements.falsePairs[candidate].push(distance(layout[a], layout[b]));
            }
          }
        });
        console.error(
          `${style} ${theme} ${size.label}: ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }
  }
  return measurements;
}

const share = (values: number[], within: number) =>
  values.filter((value) => value <= within).length / values.length;
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

function report(measurements: Measurements): void {
  const forwarding = VARIANTS.flatMap((variant, index) => (variant.forwarding ? [index] : []));
  console.log(
    `${CHATS_PER_LAYOUT} distinct chats in each of ${measurements.originals[0].length} layouts; ` +
      `${measurements.falsePairs[0].length} same-layout false pairs, ` +
      `${measurements.truePairs[0][0].length} true pairs per variant.\n`,
  );
  console.log(
    `| hash | bits | closest false pair | threshold | ${VARIANTS.map((v) => v.name).join(' | ')} | ` +
      `forwarding recall | false matches | compared by bands |`,
  );
  console.log(`|${' --- |'.repeat(VARIANTS.length + 7)}`);
  // Each hash at the largest threshold with no false match (at most a quarter of its bits), and
  // the hash in production at the threshold in production.
  const rows = CANDIDATE_HASHES.map((candidate, index) => {
    const closestFalse = Math.min(...measurements.falsePairs[index]);
    return { index, threshold: Math.max(0, Math.min(closestFalse - 1, candidate.bits / 4)) };
  });
  const production = CANDIDATE_HASHES.findIndex((candidate) => candidate.production);
  rows.push({ index: production, threshold: SCREENSHOT_MATCH_DISTANCE });
  rows.forEach(({ index, threshold }) => {
    const candidate = CANDIDATE_HASHES[index];
    const falsePairs = measurements.falsePairs[index];
    const closestFalse = Math.min(...falsePairs);
    const trueRecall = measurements.truePairs[index].map((distances) =>
      share(distances, threshold),
    );
    const forwardingRecall =
      forwarding.reduce((sum, variant) => sum + trueRecall[variant], 0) / forwarding.length;
    let compared = 0;
    let pairs = 0;
    for (const layout of measurements.originals[index]) {
      for (let a = 0; a < layout.length; a += 1) {
        for (let b = a + 1; b < layout.length; b += 1) {
          pairs += 1;
          if (shareBand(layout[a], layout[b], candidate.bits, threshold)) compared += 1;
        }
      }
    }
    console.log(
      `| ${candidate.name} | ${candidate.bits} | ${closestFalse} | ${threshold} | ` +
        `${trueRecall.map(percent).join(' | ')} | ${percent(forwardingRecall)} | ` +
        `${falsePairs.filter((value) => value <= threshold).length} | ` +
        `${percent(compared / pairs)} |`,
    );
  });
  console.log('\nRecall on forwarding copies / false matches per threshold:\n');
  CANDIDATE_HASHES.forEach((candidate, index) => {
    const forwardingPairs = forwarding.flatMap((variant) => measurements.truePairs[index][variant]);
    const step = Math.max(1, candidate.bits / 128);
    const sweep = Array.from({ length: 25 }, (_, k) => k * step).map(
      (threshold) =>
        `${threshold}: ${percent(share(forwardingPairs, threshold))} / ` +
        `${measurements.falsePairs[index].filter((value) => value <= threshold).length}`,
    );
    console.log(`${candidate.name}: ${sweep.join(', ')}`);
  });
  console.log('\nWorst true-pair distance per variant, and false-pair distance percentiles:\n');
  CANDIDATE_HASHES.forEach((candidate, index) => {
    const worst = measurements.truePairs[index].map((distances) => Math.max(...distances));
    const sorted = [...measurements.falsePairs[index]].sort((a, b) => a - b);
    const at = (fraction: number) => sorted[Math.floor(fraction * (sorted.length - 1))];
    console.log(
      `${candidate.name}: worst true ${VARIANTS.map((v, i) => `${v.name}=${worst[i]}`).join(', ')}; ` +
        `false min ${sorted[0]}, p1 ${at(0.01)}, p5 ${at(0.05)}, median ${at(0.5)}`,
    );
  });
}

measure()
  .then(report)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
