// Stands in for `wxt/browser` in benchmark bundles, which run outside an extension.
export const browser = {};
