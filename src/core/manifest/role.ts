// Which limits apply: a training manifest needs 1,000-500,000 records, a validation manifest 8-50,000.
import type { ManifestRole } from './types';

/** The role a file name implies: `*train*` -> training, `*valid*` -> validation, otherwise unknown. */
export function roleFromFileName(path: string): ManifestRole | undefined {
  const name = (path.split(/[\\/]/).pop() ?? path).toLowerCase();
  if (name.includes('valid')) return 'validation';
  if (name.includes('train')) return 'training';
  return undefined;
}
