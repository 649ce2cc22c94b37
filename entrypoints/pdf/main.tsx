import '@/components/pdf/pdf.css';
import { startPdfViewerPage } from '@/pdf/start';

// Wiring only: the PDF viewer (`pdf.html?file=<address>`, or a file the reader opens or drops).
const app = document.getElementById('app');
if (app) startPdfViewerPage(app);
