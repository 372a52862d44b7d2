// The sample dataset: 26 classes (letters A-Z) of generated 256x256 PNGs that respect every TMME limit, with
// augmented copies (A1.png, A1_1.png), split 80/20 into training/validation per letter plus a separate test set,
// captioned `The letter {X} in sign language` as in AWS's reference run. Deterministic for a given seed.
import { hashString, seededRandom } from '../rng';
import { drawImage, randomVariation, type Variation } from './draw';

export interface DatasetOptions {
  bucket: string;
  /** Original images per class before augmentation (default 25: 1,040 training records with augmentation). */
  imagesPerClass: number;
  /** Test images per class (never trained on; default 3, 78 in all). */
  testPerClass: number;
  /** Number of classes, the first N letters (default 26). */
  classes: number;
  /** Add one augmented copy per original (default true). */
  augment: boolean;
  seed: number;
}

export const DEFAULT_DATASET: DatasetOptions = { bucket: 'bedrock-mm-demo', imagesPerClass: 25, testPerClass: 3, classes: 26, augment: true, seed: 7 };

export interface DatasetImage { key: string; label: string; caption: string; split: 'training' | 'validation' | 'test'; bytes: Buffer }

export const caption = (label: string): string => `The letter ${label} in sign language`;

export function checkDatasetOptions(o: DatasetOptions): void {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(o.bucket)) throw new RangeError(`bucket ${o.bucket} is not a valid S3 bucket name`);
  for (const [k, min, max] of [['imagesPerClass', 1, 1000], ['testPerClass', 0, 100], ['classes', 1, 26]] as const) {
    const v = o[k];
    if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${k} must be an integer from ${min} to ${max}`);
  }
}

export interface PlannedImage { key: string; label: string; caption: string; split: DatasetImage['split']; variation: Variation }

/** The dataset's layout without pixels: which images exist, their split, caption and how each is varied. */
export function* planDataset(options: Partial<DatasetOptions> = {}): Generator<PlannedImage> {
  const o = { ...DEFAULT_DATASET, ...options };
  checkDatasetOptions(o);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, o.classes).split('');
  for (const label of letters) {
    const random = seededRandom(hashString(`${o.seed}/${label}`));
    const trainingCount = Math.max(1, Math.round(o.imagesPerClass * 0.8));
    for (let n = 1; n <= o.imagesPerClass + o.testPerClass; n++) {
      const split = n > o.imagesPerClass ? 'test' : n <= trainingCount ? 'training' : 'validation';
      const v = randomVariation(random);
      yield { key: `images/${label}/${label}${n}.png`, label, caption: caption(label), split, variation: v };
      if (o.augment && split !== 'test') {
        // An augmented copy: same object, moved and re-lit a little, a different occluder.
        const a = randomVariation(random);
        yield { key: `images/${label}/${label}${n}_1.png`, label, caption: caption(label), split, variation: { ...a, dx: v.dx + Math.sign(a.dx) * 4, dy: v.dy - Math.sign(a.dy) * 4 } };
      }
    }
  }
}

/** The dataset with its PNG bytes, drawn one image at a time. */
export function* generateDataset(options: Partial<DatasetOptions> = {}): Generator<DatasetImage> {
  for (const p of planDataset(options)) {
    yield { key: p.key, label: p.label, caption: p.caption, split: p.split, bytes: drawImage(p.label, p.variation) };
  }
}
