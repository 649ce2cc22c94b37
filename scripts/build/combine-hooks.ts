/** WXT takes one function per hook: several build helpers hooking the same event run one after another. */
import type { WxtHooks } from 'wxt';

type AnyHook = (...args: unknown[]) => Promise<void> | void;

export function combineHooks(...parts: Partial<WxtHooks>[]): Partial<WxtHooks> {
  const byName = new Map<string, AnyHook[]>();
  for (const part of parts) {
    for (const [name, hook] of Object.entries(part))
      byName.set(name, [...(byName.get(name) ?? []), hook as AnyHook]);
  }
  const combined: Record<string, AnyHook> = {};
  for (const [name, hooks] of byName) {
    combined[name] = async (...args) => {
      for (const hook of hooks) await hook(...args);
    };
  }
  return combined as Partial<WxtHooks>;
}
