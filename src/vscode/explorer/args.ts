// Commands run from a context menu receive the tree node; from code or tests, an ARN. Both are accepted.
import { ResourceNode, type ResourceKindName } from './nodes';

export function arnFromArg(arg: unknown): string | undefined {
  if (arg instanceof ResourceNode) return arg.arn;
  if (typeof arg === 'string' && arg.startsWith('arn:')) return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { arn?: unknown }).arn === 'string') return (arg as { arn: string }).arn;
  return undefined;
}

export function nodeFromArg<K extends ResourceKindName>(arg: unknown, kind: K): ResourceNode<K> | undefined {
  return arg instanceof ResourceNode && arg.kind === kind ? (arg as ResourceNode<K>) : undefined;
}
