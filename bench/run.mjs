// `npm run bench`: every benchmark, in one headless Chromium run, with our figures printed beside
// the reference approaches. Record results with their date in bench/README.md.
import { chromium } from 'playwright-core';
import { benchCard, printCard } from './card.mjs';
import { benchData, printData } from './data.mjs';
import { benchDetection, printDetection } from './detection.mjs';
import { benchIdle, printIdle } from './idle.mjs';
import { benchMemory, printMemory } from './memory.mjs';
import { benchPdf, printPdf } from './pdf.mjs';
import { benchStorm, printStorm } from './storm.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
console.log(`# NCT hover cards benchmarks, ${new Date().toISOString().slice(0, 10)}, ${browser.version()}`);
try {
  printDetection(await benchDetection(browser));
} finally {
  await browser.close();
}
printData(await benchData());
printCard(await benchCard(executablePath));
printStorm(await benchStorm(executablePath));
printIdle(await benchIdle(executablePath));
printMemory(await benchMemory(executablePath));
printPdf(await benchPdf(executablePath));
