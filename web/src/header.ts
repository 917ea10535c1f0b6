// The page header: the name, the navigation, and who is signed in with a sign-out
// button (absent for a store without users, where nobody signs in).

import { currentUser, hasSession, signOut } from './auth';
import { h, mount } from './dom';
import { link } from './router';

const NAV: Array<[string, string]> = [
  ['search', 'Search'],
  ['chart', 'Link chart'],
  ['screening', 'Screening'],
  ['review', 'Review'],
];

export function renderHeader(el: HTMLElement): void {
  const me = currentUser();
  const current = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  mount(
    el,
    h('a', { class: 'brand', href: link('search') }, 'dossier'),
    me && h('nav', null, NAV.map(([route, label]) =>
      h('a', { href: link(route), class: route === current ? 'active' : '' }, label))),
    h('span', { class: 'spacer' }),
    me &&
      h('span', { class: 'whoami', 'data-user': me.user },
        h('strong', null, me.user),
        ` · ${me.organisation || '—'} · ${me.clearance}${me.admin ? ' · admin' : ''}`),
    me && hasSession() &&
      h('button', {
        class: 'signout',
        type: 'button',
        onclick: async () => {
          await signOut();
          location.hash = link('signin');
        },
      }, 'Sign out'),
  );
}
