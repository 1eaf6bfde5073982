import type { Violation } from './api.js';
import { t, type LabelKey } from './i18n.js';

/** A few DOM helpers, so views read as what they show. */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else if (name === 'i18n') {
      element.dataset.i18n = String(value);
      element.textContent = t(String(value));
    } else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  return element as T;
}

/** A labelled text input with room for the API's messages under it. */
export function field(
  label: LabelKey,
  path: string,
  value: string,
  disabled = false,
): HTMLLabelElement {
  return h(
    'label',
    { class: 'field' },
    h('span', { i18n: label }),
    h('input', {
      type: 'text',
      'data-path': path,
      value,
      disabled,
      inputmode: 'decimal',
      autocomplete: 'off',
    }),
    h('small', { class: 'error', 'data-error-for': path }),
  );
}

/** Marks every violated field and lists `path: message` in the summary box (the API's words). */
export function showViolations(
  scope: HTMLElement,
  summary: HTMLElement,
  violations: Violation[],
  intro: LabelKey,
): void {
  clearViolations(scope, summary);
  if (violations.length === 0) return;
  const byPath = new Map<string, string[]>();
  for (const v of violations) byPath.set(v.path, [...(byPath.get(v.path) ?? []), v.message]);
  for (const [path, messages] of byPath) {
    const input = scope.querySelector<HTMLInputElement>(`[data-path="${CSS.escape(path)}"]`);
    input?.classList.add('invalid');
    input?.setAttribute('aria-invalid', 'true');
    const error = scope.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`);
    if (error) error.textContent = messages.join('; ');
  }
  summary.hidden = false;
  summary.replaceChildren(
    h('strong', { i18n: intro }),
    h(
      'ul',
      {},
      ...violations.map((v) => h('li', { class: 'violation', text: `${v.path}: ${v.message}` })),
    ),
  );
}

export function clearViolations(scope: HTMLElement, summary: HTMLElement): void {
  scope.querySelectorAll('.invalid').forEach((el) => {
    el.classList.remove('invalid');
    el.removeAttribute('aria-invalid');
  });
  scope.querySelectorAll<HTMLElement>('.error').forEach((el) => (el.textContent = ''));
  summary.hidden = true;
  summary.replaceChildren();
}

/** A progress bar with a label and a cancel button; `set` moves it, `done` hides it. */
export function progress(container: HTMLElement, onCancel: () => void) {
  const bar = h('progress', { max: '1', value: '0' });
  const label = h('span', { class: 'progress-label', i18n: 'queued' });
  const cancel = h('button', {
    type: 'button',
    class: 'secondary',
    i18n: 'cancel',
    'data-action': 'cancel',
  });
  cancel.addEventListener('click', onCancel);
  const row = h('div', { class: 'progress-row' }, bar, label, cancel);
  container.append(row);
  return {
    set(fraction: number, status: string) {
      bar.value = fraction;
      label.textContent = `${t(status === 'queued' ? 'queued' : 'running')} ${Math.round(fraction * 100)} %`;
    },
    done() {
      row.remove();
    },
  };
}
