// Sign-in: user and password to POST /api/login; the session token goes to
// sessionStorage and the reader returns to the page they were sent here from.

import { signIn } from '../auth';
import { h, mount } from '../dom';
import { link, type Route } from '../router';
import { errorNote } from '../widgets';

export function signinPage(root: HTMLElement, route: Route): void {
  const user = h('input', { name: 'user', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = h('div', { class: 'status' });
  const form = h('form', { class: 'signin card', 'aria-label': 'sign in' },
    h('h1', null, 'Sign in'),
    h('label', null, 'User', user),
    h('label', null, 'Password', password),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(status);
    try {
      await signIn(user.value.trim(), password.value);
      location.hash = route.params.get('next') || link('search');
    } catch (e) {
      password.value = '';
      mount(status, errorNote(e));
    }
  });
  mount(root, form);
  user.focus();
}
