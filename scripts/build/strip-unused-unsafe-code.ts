/**
 * A build step that removes two library code paths this extension never takes and that `web-ext lint`
 * rightly flags, so the Firefox build lints with zero warnings:
 * - zod's `allowsEval` probe (`new Function("")`): we configure zod `jitless` (lib/zod.ts), so the probe
 *   is never needed; it now answers "no eval" outright.
 * - Preact's `dangerouslySetInnerHTML` write (`el.innerHTML = props.__html`): no component of ours
 *   passes that prop (ESLint forbids it), so the branch is dead.
 * Each replacement must match exactly once, or the build fails: a library update cannot quietly bring
 * the code back, or make this step a silent no-op.
 */
import type { Plugin } from 'vite';

interface Strip {
  file: RegExp;
  find: RegExp;
  replace: string;
}

const STRIPS: Strip[] = [
  {
    file: /node_modules\/zod\/v4\/core\/util\.js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: 'return false;',
  },
  {
    file: /node_modules\/preact\/dist\/preact\.mjs$/,
    find: /\|\|\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace: '||void 0',
  },
];

export function stripUnusedUnsafeCode(): Plugin {
  return {
    name: 'nct:strip-unused-unsafe-code',
    enforce: 'pre',
    transform(code, id) {
      const strip = STRIPS.find((s) => s.file.test(id.split('?')[0] ?? id));
      if (!strip) return undefined;
      const matches = code.match(new RegExp(strip.find.source, 'g')) ?? [];
      if (matches.length !== 1) {
        throw new Error(
          `strip-unused-unsafe-code: expected one match of ${strip.find} in ${id}, found ${matches.length}`,
        );
      }
      return { code: code.replace(strip.find, strip.replace), map: null };
    },
  };
}
