import { describe, expect, it } from 'vitest';
import { isTabMessage, isViewerRequest } from '@/lib/tab-message';
import {
  MENU_LINK,
  MENU_LOOKUP,
  MENU_PDF,
  commandRequest,
  pdfFromMenuClick,
  trialFromMenuClick,
} from '@/background/menus';

describe('context menu: which trial a click names', () => {
  it.each([
    [{ menuItemId: MENU_LOOKUP, selectionText: 'see nct 06056921 and NCT01234567' }, 'NCT06056921'],
    [{ menuItemId: MENU_LOOKUP, selectionText: 'no trial here, NCT123456789' }, undefined],
    [
      { menuItemId: MENU_LINK, linkUrl: 'https://clinicaltrials.gov/ct2/show/NCT00184067?term=x' },
      'NCT00184067',
    ],
    [{ menuItemId: MENU_LINK, linkUrl: 'https://clinicaltrials.gov/search?cond=lupus' }, undefined],
    [{ menuItemId: 'someone-else', selectionText: 'NCT06056921' }, undefined],
  ])('%j → %s', (info, id) => {
    expect(trialFromMenuClick(info)).toBe(id);
  });
});

describe('keyboard commands', () => {
  it.each([
    ['open-card', { type: 'openFocusedCard' }],
    ['next-trial', { type: 'stepTrial', direction: 1 }],
    ['previous-trial', { type: 'stepTrial', direction: -1 }],
    ['_execute_action', undefined],
  ])('%s → %j', (command, request) => {
    expect(commandRequest(command)).toEqual(request);
  });
});

describe('requests a page accepts (checked by hand, without zod)', () => {
  it.each([
    [{ type: 'listTrials' }, true],
    [{ type: 'openFocusedCard' }, true],
    [{ type: 'revealTrial', id: 'NCT06056921' }, true],
    [{ type: 'revealTrial', id: 'NCT0605692' }, false],
    [{ type: 'openCard', id: '<img onerror=alert(1)>' }, false],
    [{ type: 'stepTrial', direction: 1 }, true],
    [{ type: 'stepTrial', direction: 5 }, false],
    [{ type: 'getTrials', ids: [] }, false],
    [null, false],
    ['listTrials', false],
  ])('%j → %s', (message, accepted) => {
    expect(isTabMessage(message)).toBe(accepted);
  });
});

describe('context menu: a link to a PDF', () => {
  it.each([
    [
      { menuItemId: MENU_PDF, linkUrl: 'https://journal.example/article.pdf' },
      'https://journal.example/article.pdf',
    ],
    [{ menuItemId: MENU_PDF, linkUrl: 'javascript:alert(1)//.pdf' }, undefined],
    [{ menuItemId: MENU_PDF, linkUrl: 'file:///home/me/a.pdf' }, undefined],
    [{ menuItemId: MENU_LINK, linkUrl: 'https://journal.example/article.pdf' }, undefined],
  ])('%j → %s', (info, url) => {
    expect(pdfFromMenuClick(info)).toBe(url);
  });
});

describe('questions for a PDF viewer tab (checked by hand)', () => {
  it.each([
    [{ type: 'askViewer', tabId: 4, request: { type: 'listTrials' } }, true],
    [{ type: 'askViewer', tabId: 4, request: { type: 'revealTrial', id: 'NCT06056921' } }, true],
    [{ type: 'askViewer', tabId: '4', request: { type: 'listTrials' } }, false],
    [{ type: 'askViewer', tabId: 4.5, request: { type: 'listTrials' } }, false],
    [{ type: 'askViewer', tabId: 4, request: { type: 'getTrials', ids: [] } }, false],
    [{ type: 'listTrials' }, false],
  ])('%j → %s', (message, accepted) => {
    expect(isViewerRequest(message)).toBe(accepted);
  });
});
