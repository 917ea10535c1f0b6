// The page's entry point: asks who is signed in, draws the header, and routes
// #/... to the pages. A reader who must sign in is sent to #/signin first, and back
// afterwards. The link chart (and cytoscape with it) loads only when first opened.

import { setUnauthorizedHandler } from './api';
import { currentUser, onUserChange, refreshUser } from './auth';
import { h, mount } from './dom';
import { renderHeader } from './header';
import { entityPage } from './pages/entity';
import { reviewPage } from './pages/review';
import { screeningPage } from './pages/screening';
import { searchPage } from './pages/search';
import { signinPage } from './pages/signin';
import { link, startRouter, type Page } from './router';
import { clearToken } from './session';
import { errorNote } from './widgets';
import './style.css';

const header = document.getElementById('header') as HTMLElement;
const main = document.getElementById('main') as HTMLElement;

/** A page that needs a reader: without one, go to sign-in and come back. */
function signedIn(page: Page): Page {
  return (root, route) => {
    if (!currentUser()) {
      location.replace(link('signin', '', { next: location.hash }));
      return;
    }
    return page(root, route);
  };
}

const pages: Record<string, Page> = {
  signin: signinPage,
  search: signedIn(searchPage),
  entity: signedIn(entityPage),
  chart: signedIn(async (root, route) => (await import('./pages/chart')).chartPage(root, route)),
  screening: signedIn(screeningPage),
  review: signedIn(reviewPage),
};

async function start(): Promise<void> {
  onUserChange(() => renderHeader(header));
  window.addEventListener('hashchange', () => renderHeader(header));
  setUnauthorizedHandler(() => {
    clearToken();
    if (!location.hash.startsWith('#/signin')) location.replace(link('signin', '', { next: location.hash }));
  });
  try {
    await refreshUser();
  } catch (e) {
    mount(main, h('h1', null, 'dossier'), errorNote(e));
    return;
  }
  renderHeader(header);
  startRouter(main, pages, currentUser() ? 'search' : 'signin');
}

void start();
