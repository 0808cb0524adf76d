import { ApiError, GatewayApi } from './api.js';
import { parseRoute } from './routes.js';
import { jobView } from './job-view.js';
import { modelView } from './model-view.js';
import { overviewView } from './overview-view.js';
import { messageOf, type View, type ViewContext } from './view.js';

// The key lives for the browser tab only: closing it signs out, and no other site or tab reads it.
const KEY_STORAGE = 'aiaas.apiKey';

function required<E extends HTMLElement>(id: string): E {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the dashboard page lacks #${id}`);
  return element as E;
}

const viewRoot = required<HTMLElement>('view');
const banner = required<HTMLElement>('banner');
const signInForm = required<HTMLFormElement>('sign-in');
const keyInput = required<HTMLInputElement>('api-key');
const signInMessage = required<HTMLElement>('sign-in-message');
const signOutButton = required<HTMLButtonElement>('sign-out');

const api = new GatewayApi(() => sessionStorage.getItem(KEY_STORAGE) ?? undefined);
let current: View | undefined;

function showSignIn(message: string): void {
  current?.dispose();
  current = undefined;
  viewRoot.replaceChildren();
  signInMessage.textContent = message;
  signInForm.hidden = false;
  signOutButton.hidden = true;
  keyInput.focus();
}

function report(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    showSignIn(sessionStorage.getItem(KEY_STORAGE) ? `The gateway refused this key: ${error.message}` : 'Sign in with an API key (aiaas keys create, or ADMIN_API_KEY).');
    return;
  }
  banner.textContent = messageOf(error);
  banner.hidden = false;
}

const context: ViewContext = { api, report };

function show(): void {
  current?.dispose();
  banner.hidden = true;
  signInForm.hidden = true;
  signOutButton.hidden = !sessionStorage.getItem(KEY_STORAGE);
  const route = parseRoute(location.hash);
  current = route.page === 'job' ? jobView(context, route.jobId) : route.page === 'model' ? modelView(context, route.modelName, route.version) : overviewView(context);
  viewRoot.replaceChildren(current.element);
}

signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!key) return;
  sessionStorage.setItem(KEY_STORAGE, key);
  keyInput.value = '';
  show();
});

signOutButton.addEventListener('click', () => {
  sessionStorage.removeItem(KEY_STORAGE);
  showSignIn('Signed out.');
});

window.addEventListener('hashchange', show);
show();
