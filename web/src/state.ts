/**
 * The page's state in the URL hash (`#compare?s=…`), base64url-encoded JSON: a run's inputs and
 * seed, so a shared link reopens to the same result (the simulations are seeded).
 */

export type View = 'compare' | 'solve' | 'fund';
export const VIEWS: readonly View[] = ['compare', 'solve', 'fund'];

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function readHash(): { view: View; state: unknown } {
  const [name, query = ''] = location.hash.replace(/^#/, '').split('?');
  const view = (VIEWS as readonly string[]).includes(name) ? (name as View) : 'compare';
  const encoded = new URLSearchParams(query).get('s');
  if (!encoded) return { view, state: null };
  try {
    return { view, state: JSON.parse(fromBase64Url(encoded)) };
  } catch {
    return { view, state: null };
  }
}

export function hashFor(view: View, state?: unknown): string {
  return state === undefined ? `#${view}` : `#${view}?s=${toBase64Url(JSON.stringify(state))}`;
}

/** Records a run's state in the address bar without reloading or adding a history entry. */
export function writeHash(view: View, state?: unknown): string {
  const hash = hashFor(view, state);
  history.replaceState(null, '', hash);
  return location.href;
}
