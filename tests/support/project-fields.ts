// No imports: the data bench bundles this file for Node (bench/data.mjs).

/**
 * What the API returns for `fields=a.b,c`: only those sub-trees, into lists' items (`a.list.leaf`
 * gives each item of `list` with only its `leaf`, as the recorded `LocationCity` requests do). So the
 * card is tested on what the real API sends it, not on the full record.
 */
export function projectFields(study: unknown, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) merge(out, pick(study, field.split('.')));
  return out;
}

function pick(value: unknown, parts: string[]): unknown {
  if (parts.length === 0) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => pick(item, parts) ?? {});
  const [first = '', ...rest] = parts;
  const next = value && typeof value === 'object' ? (value as Record<string, unknown>)[first] : undefined;
  const inner = next === undefined ? undefined : pick(next, rest);
  return inner === undefined ? undefined : { [first]: inner };
}

function merge(into: Record<string, unknown>, from: unknown): void {
  if (!from || typeof from !== 'object') return;
  for (const [key, value] of Object.entries(from)) {
    const there = into[key];
    if (Array.isArray(there) && Array.isArray(value)) {
      value.forEach((item, i) => merge((there[i] ??= {}) as Record<string, unknown>, item));
    } else if (there && typeof there === 'object' && value && typeof value === 'object') {
      merge(there as Record<string, unknown>, value);
    } else into[key] = value;
  }
}
