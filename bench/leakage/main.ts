// bench/leakage: near-duplicate search between 50,000 training and 5,000 test 64-bit hashes (Hamming <= 6) by
// multi-index hashing (src/core/image/nearDuplicates.ts), as a ratio to the loop over all 250 million pairs, same run,
// same answer checked. Target: <= 1 s on this machine (the RESULT line's ratio is ours / the loop's time).
// Usage: node out/bench/leakage/main.js [--train N] [--test N] [--distance N]
import { parseArgs } from 'node:util';
import { HammingIndex, naiveSearch } from '../../src/core/image/nearDuplicates';
import { seededRandom } from '../../src/core/random';

const { values } = parseArgs({ options: { train: { type: 'string', default: '50000' }, test: { type: 'string', default: '5000' }, distance: { type: 'string', default: '6' } } });
const NT = Number(values.train);
const NQ = Number(values.test);
const DIST = Number(values.distance);

const rand = seededRandom(5);
const hex = (): string => Array.from({ length: 16 }, () => Math.floor(rand() * 16).toString(16)).join('');
const training = Array.from({ length: NT }, hex);
// One test hash in ten is a training hash with 0-8 bits flipped (a planted near duplicate), the rest random.
const flip = (h: string, bits: number): string => {
  let v = BigInt(`0x${h}`);
  for (let b = 0; b < bits; b++) v ^= 1n << BigInt(Math.floor(rand() * 64));
  return v.toString(16).padStart(16, '0');
};
const test = Array.from({ length: NQ }, (_, i) => (i % 10 === 0 ? flip(training[Math.floor(rand() * NT)] as string, i % 9) : hex()));

let t = performance.now();
const index = new HammingIndex(training, DIST);
const found = index.search(test, DIST);
const ours = (performance.now() - t) / 1000;
t = performance.now();
const loop = naiveSearch(test, training, DIST);
const naive = (performance.now() - t) / 1000;
const same = JSON.stringify(found) === JSON.stringify(loop);
console.log(`${NT} training x ${NQ} test hashes, Hamming <= ${DIST}: multi-index ${ours.toFixed(3)} s (index + search), all-pairs loop ${naive.toFixed(3)} s; ${found.length} pairs; same answer: ${same}`);
if (!same) process.exitCode = 1;
console.log(`RESULT leakage ratio=${(ours / naive).toFixed(4)} anchor=all-pairs-loop target=1s (measured ${ours.toFixed(3)} s)`);
