// Hash routing: "#/entity/ID?x=1" is the route "entity" with the argument "ID" and
// the parameters {x: "1"}. Pages are looked up by route name; the router calls the
// page's render with a fresh container and lets the previous page clean up.

export interface Route {
  name: string;
  /** Everything after the route name, decoded: an entity id for #/entity/ID. */
  arg: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q >= 0 ? body.slice(0, q) : body;
  const params = new URLSearchParams(q >= 0 ? body.slice(q + 1) : '');
  const slash = path.indexOf('/');
  const name = slash >= 0 ? path.slice(0, slash) : path;
  const arg = slash >= 0 ? decodeURIComponent(path.slice(slash + 1)) : '';
  return { name, arg, params };
}

/** The hash of a route: link('entity', 'ofac-1') is "#/entity/ofac-1". */
export function link(name: string, arg = '', params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${name}${arg ? `/${encodeURIComponent(arg)}` : ''}${query ? `?${query}` : ''}`;
}

/** A page draws itself into `root`; the function it returns (if any) is called when it is left. */
export type Page = (root: HTMLElement, route: Route) => void | (() => void) | Promise<void | (() => void)>;

export function startRouter(root: HTMLElement, pages: Record<string, Page>, fallback: string): () => void {
  let cleanup: (() => void) | void;
  let generation = 0;
  const show = async () => {
    const route = parseHash(location.hash);
    const page = pages[route.name];
    if (!page) {
      location.replace(link(fallback));
      return;
    }
    cleanup?.();
    cleanup = undefined;
    const mine = ++generation;
    const container = document.createElement('div');
    container.className = `page page-${route.name}`;
    root.replaceChildren(container);
    const done = await page(container, route);
    // A page left before it finished loading cleans up at once.
    if (mine !== generation) done?.();
    else cleanup = done;
  };
  window.addEventListener('hashchange', show);
  void show();
  return show;
}
