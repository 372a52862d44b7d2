// Class colours for the embedding map: Okabe & Ito's colour-blind-safe categorical palette (Okabe, M. and Ito, K.,
// "Color Universal Design", 2008; the set matplotlib and ggplot2 ship), without its black so it reads on dark themes
// too. Beyond its 7 colours a class gets a different shape as well, and the legend names every (colour, shape).
// Pure (no DOM), unit-tested in plain Node.

export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;
export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type Shape = (typeof SHAPES)[number];

export interface ClassStyle { label: string; colour: string; shape: Shape }

/** One style per label in `labels`' order (sort them first so every panel and every report agree). */
export function classStyles(labels: readonly string[]): Map<string, ClassStyle> {
  return new Map(labels.map((label, i) => [label, {
    label,
    colour: OKABE_ITO[i % OKABE_ITO.length] as string,
    shape: SHAPES[Math.floor(i / OKABE_ITO.length) % SHAPES.length] as Shape,
  }]));
}

/** Labels in natural order ("2" before "10"), each once. */
export function sortedLabels(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}
