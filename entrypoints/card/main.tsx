import '@/components/card/index.css';
import '@/components/card/frame.css';
import { startCardFrame } from '@/frame/start';

// Wiring only: the card frame's runtime (an extension page shown beside an ID on web pages).
const app = document.getElementById('app');
if (app) startCardFrame(app);
