// A CDP trace of one page's renderer, for the benchmarks that read the thread clock from it.

/** Records a trace of the given categories until `stop()`, which resolves with its events. */
export async function startTrace(cdp, categories) {
  const events = [];
  const collect = (chunk) => events.push(...chunk.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      return events;
    },
  };
}
