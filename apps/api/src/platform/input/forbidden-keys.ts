/**
 * Keys that must never reach a document, a filter or an event: the ones that reach an object's
 * prototype when assigned (`__proto__`, `constructor`, `prototype`) and MongoDB operators
 * (anything starting with `$`), which a read store could take as a query or update operator.
 */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype' || key.startsWith('$');
}

/** Deeper JSON is refused before anything walks it recursively (class-transformer would overflow its stack). */
export const MAX_INPUT_DEPTH = 32;

export type InputProblem =
  | { kind: 'forbiddenKey'; path: string; key: string }
  | { kind: 'tooDeep'; path: string };

/**
 * The first forbidden key or excessive nesting in a parsed JSON value, with its dotted path
 * (`origin.extraAttributes.$where`, `steps.0.__proto__`); undefined when the value is clean.
 * Iterative, so that hostile nesting cannot overflow the stack.
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.value === null || typeof current.value !== 'object') continue;
    if (current.depth >= maxDepth) return { kind: 'tooDeep', path: current.path || 'body' };
    const entries: Array<[string, unknown]> = Array.isArray(current.value)
      ? current.value.map((item, index) => [String(index), item])
      : Object.keys(current.value).map((key) => [key, (current.value as Record<string, unknown>)[key]]);
    for (const [key, child] of entries) {
      const path = current.path ? `${current.path}.${key}` : key;
      if (!Array.isArray(current.value) && isForbiddenKey(key)) return { kind: 'forbiddenKey', path, key };
      pending.push({ value: child, path, depth: current.depth + 1 });
    }
  }
  return undefined;
}
