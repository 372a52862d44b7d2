import type { EvalMode } from './report';

/** An evaluation mode's user-facing name, shared by the webview's tabs and the host's pickers. */
export function modeLabel(mode: EvalMode): string {
  return mode === 'text-to-image' ? 'Text \u2192 image' : mode === 'image-to-image' ? 'Image \u2192 image' : 'Zero-shot classification';
}
