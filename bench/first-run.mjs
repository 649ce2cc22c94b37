/**
 * Closes the extension's first-run tab. While it is the window's front tab, the test page renders at
 * a frame a second: every bench that loads the extension closes it first.
 */
export async function closeFirstRunTab(context) {
  const isWelcome = (p) => p.url().endsWith('/welcome.html');
  const welcome =
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
  await welcome.close();
}
