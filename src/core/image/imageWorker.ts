// The image pool's worker thread (built by scripts/build.mjs to dist/imageWorker.js): decodes each image it is sent
// once and answers with what was asked (src/core/image/process.ts), so no decode runs on the extension host's thread.
import { parentPort } from 'node:worker_threads';
import { processImage, type ImageWants, type ProcessedImage } from './process';

export interface WorkerTask { id: number; bytes: Uint8Array; wants: ImageWants }
export interface WorkerAnswer { id: number; result: ProcessedImage }

const port = parentPort;
port?.on('message', (task: WorkerTask) => {
  void processImage(task.bytes, task.wants).then((result) => {
    port.postMessage({ id: task.id, result } satisfies WorkerAnswer, result.thumbnail ? [result.thumbnail.buffer as ArrayBuffer] : []);
  });
});
