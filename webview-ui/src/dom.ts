// The only way the webview builds DOM: elements with text children as text nodes. No innerHTML anywhere, so a
// caption such as `<img src=x onerror=alert(1)>` is shown as those characters and never parsed as markup.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  /** Attributes set with setAttribute (never `on*`: handlers go through `on`). */
  attrs?: Record<string, string>;
  on?: Record<string, (e: Event) => void>;
}

function apply(el: Element, props: Props | undefined, children: Child[]): void {
  if (props?.class) el.setAttribute('class', props.class);
  if (props?.title) el.setAttribute('title', props.title);
  for (const [k, v] of Object.entries(props?.attrs ?? {})) {
    if (/^on/i.test(k)) throw new Error(`refusing event-handler attribute ${k}`);
    el.setAttribute(k, v);
  }
  for (const [type, handler] of Object.entries(props?.on ?? {})) el.addEventListener(type, handler);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, props, children);
  return el;
}

/** A custom element (the @vscode-elements controls). */
export function hx(tag: string, props?: Props, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  apply(el, props, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s(tag: string, attrs: Record<string, string | number>, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, { attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])) }, children);
  return el;
}
