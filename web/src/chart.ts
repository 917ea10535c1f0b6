// The link chart: a cytoscape.js graph of entities and the ties between them. It adds
// an entity's neighbours on request, hides ties the filters reject (and the entities
// left without a shown tie), highlights a path or the exposed entities, lays itself
// out, and exports PNG and SVG with the marking banners drawn in.

import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import { EXPOSURE_COLOURS, edgeId, exposureOf, schemaColour, tieEnds } from './chartmodel';
import { bannerStyle } from './markings';
import { chartToSvg } from './svgexport';
import { NO_FILTER, passes, type TieFilter } from './tiefilter';
import type { GraphNode, Hop, Tie } from './types';

export type LayoutName = 'cose' | 'breadthfirst';

export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  tie: Tie;
}

export interface ChartEvents {
  /** The selection changed; ids in the order they were selected. */
  onSelect?: (ids: string[]) => void;
  /** A node was double-clicked. */
  onExpand?: (id: string) => void;
  /** Elements were added, hidden or shown. */
  onChange?: () => void;
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(colour)',
      'font-size': 10,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'min-zoomed-font-size': 6,
      width: 22,
      height: 22,
      'border-width': 1,
      'border-color': '#333',
    },
  },
  { selector: 'node[?expanded]', style: { 'border-width': 3 } },
  { selector: 'node:selected', style: { 'border-color': '#0a58ca', 'border-width': 4, 'underlay-color': '#0a58ca', 'underlay-opacity': 0.2, 'underlay-padding': 6 } },
  { selector: 'node.exposed-sanction', style: { 'background-color': EXPOSURE_COLOURS.sanction } },
  { selector: 'node.exposed-pep', style: { 'background-color': EXPOSURE_COLOURS.pep } },
  { selector: 'node.exposed-gov', style: { 'background-color': EXPOSURE_COLOURS.gov } },
  { selector: 'node.dimmed', style: { opacity: 0.35 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#9aa5b1',
      'target-arrow-color': '#9aa5b1',
      'curve-style': 'bezier',
      label: 'data(schema)',
      'font-size': 8,
      color: '#555',
      'text-rotation': 'autorotate',
      'min-zoomed-font-size': 9,
    },
  },
  { selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle' } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: 'edge.on-path', style: { 'line-color': '#e8590c', 'target-arrow-color': '#e8590c', width: 4 } },
  { selector: 'node.on-path', style: { 'border-color': '#e8590c', 'border-width': 4 } },
  { selector: 'edge:selected', style: { 'line-color': '#0a58ca', width: 3 } },
];

/** Whether the filters leave an element shown. */
const shown = (e: cytoscape.SingularElementArgument) => !e.hasClass('hidden');

export class LinkChart {
  readonly cy: Core;
  private filter: TieFilter = NO_FILTER;
  private seeds = new Set<string>();
  private selection: string[] = [];
  private exposure = false;

  constructor(container: HTMLElement, private readonly events: ChartEvents = {}) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      layout: { name: 'preset' },
      selectionType: 'additive',
      boxSelectionEnabled: true,
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 4,
    });
    this.cy.on('select unselect', 'node', (e) => {
      const id = (e.target as NodeSingular).id();
      this.selection = this.selection.filter((s) => s !== id);
      if (e.type === 'select') this.selection.push(id);
      this.events.onSelect?.(this.selected());
    });
    this.cy.on('dbltap', 'node', (e) => this.events.onExpand?.((e.target as NodeSingular).id()));
  }

  /** Selected node ids, in the order they were selected. */
  selected(): string[] {
    return [...this.selection];
  }

  select(id: string, on = true): void {
    const node = this.cy.getElementById(id);
    if (on) node.select();
    else node.unselect();
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Adds an entity (or updates what is known of it). A seed stays shown when no tie of it is. */
  addNode(node: GraphNode, seed = false): void {
    if (seed) this.seeds.add(node.id);
    const data = {
      id: node.id,
      label: node.caption || node.id,
      schema: node.schema,
      topics: node.topics,
      colour: schemaColour(node.schema),
    };
    const existing = this.cy.getElementById(node.id);
    if (existing.nonempty()) {
      // A node known only from a caption gets its schema and topics when they arrive.
      if (node.schema) existing.data(data);
    } else this.cy.add({ group: 'nodes', data, position: this.nearNeighbour() });
  }

  /** Adds the ties of `self` (from an entity or /adjacent) and their other ends. */
  addTies(self: string, ties: Tie[]): number {
    let added = 0;
    for (const tie of ties) {
      if (!this.has(tie.other)) {
        this.addNode(tie.node ?? { id: tie.other, caption: tie.other_caption, schema: '', topics: [] });
      } else if (tie.node) this.addNode(tie.node);
      const [source, target] = tieEnds(tie, self);
      const id = edgeId(tie, source, target);
      if (this.cy.getElementById(id).nonempty()) continue;
      this.cy.add({ group: 'edges', data: { id, source, target, tie, schema: tie.schema, directed: tie.directed } });
      added++;
    }
    return added;
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).data('expanded', true);
  }

  isExpanded(id: string): boolean {
    return Boolean(this.cy.getElementById(id).data('expanded'));
  }

  /** Adds the hops of a path and highlights them (and only them). */
  showPath(hops: Hop[]): void {
    this.cy.elements().removeClass('on-path');
    for (const hop of hops) {
      this.addNode({ id: hop.from, caption: hop.from_caption, schema: '', topics: [] });
      this.addNode({ id: hop.to, caption: hop.to_caption, schema: '', topics: [] });
      this.addTies(hop.from, [{ ...hop, other: hop.to, other_caption: hop.to_caption }]);
      const [source, target] = tieEnds({ ...hop, other: hop.to }, hop.from);
      this.cy.getElementById(edgeId(hop, source, target)).addClass('on-path');
      this.cy.getElementById(hop.from).addClass('on-path');
      this.cy.getElementById(hop.to).addClass('on-path');
    }
    this.refresh();
  }

  /** Zooms to the highlighted path. */
  focusPath(): void {
    const path = this.cy.elements('.on-path');
    if (path.nonempty()) this.cy.fit(path, 60);
  }

  clearPath(): void {
    this.cy.elements().removeClass('on-path');
  }

  setFilter(filter: TieFilter): void {
    this.filter = filter;
    this.refresh();
  }

  /** Colours sanctioned, politically exposed and government entities; dims the rest. */
  setExposure(on: boolean): void {
    this.exposure = on;
    this.refresh();
  }

  /** Applies the filter and the exposure colouring to every element. */
  refresh(): void {
    this.cy.batch(() => {
      this.cy.edges().forEach((e) => {
        // A path's ties stay shown whatever the filter: the path was asked for.
        const keep = e.hasClass('on-path') || passes(e.data('tie') as Tie, this.filter);
        e.toggleClass('hidden', !keep);
      });
      this.cy.nodes().forEach((n) => {
        const shownTie = n.connectedEdges().filter(shown).nonempty();
        n.toggleClass('hidden', !shownTie && !this.seeds.has(n.id()) && !n.hasClass('on-path'));
        const kind = this.exposure ? exposureOf(n.data('topics')) : null;
        n.removeClass('exposed-sanction exposed-pep exposed-gov dimmed');
        if (kind) n.addClass(`exposed-${kind}`);
        else if (this.exposure) n.addClass('dimmed');
      });
    });
    this.events.onChange?.();
  }

  /** The ties shown now (after the filters). */
  shownTies(): ChartEdge[] {
    return this.cy
      .edges().filter(shown).edges()
      .map((e: EdgeSingular) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), tie: e.data('tie') as Tie }));
  }

  /** Every relation (tie schema) in the chart, shown or not. */
  relations(): string[] {
    return [...new Set(this.cy.edges().map((e) => e.data('schema') as string))].sort();
  }

  shownNodes(): GraphNode[] {
    return this.cy
      .nodes().filter(shown).nodes()
      .map((n) => ({ id: n.id(), caption: n.data('label'), schema: n.data('schema'), topics: n.data('topics') ?? [] }));
  }

  caption(id: string): string {
    return this.cy.getElementById(id).data('label') ?? id;
  }

  layout(name: LayoutName): void {
    const visible = this.cy.elements().filter(shown);
    const roots = this.selection.length ? this.selection : [...this.seeds];
    const options =
      name === 'breadthfirst'
        ? { name, roots: roots.filter((r) => this.has(r)), directed: false, spacingFactor: 1.1, animate: false }
        : { name, animate: false, randomize: false, nodeRepulsion: () => 400_000, idealEdgeLength: () => 110,
            nodeOverlap: 20, gravity: 0.5, componentSpacing: 80, numIter: 800 };
    visible.layout(options as cytoscape.LayoutOptions).run();
    this.cy.fit(visible, 30);
  }

  /** A PNG of the whole chart with the marking banner above and below, as a data URI. */
  async png(marking: string): Promise<string> {
    const graph = this.cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'base64uri' });
    const image = new Image();
    image.src = graph;
    await image.decode();
    const band = 48;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(image.width, 800);
    canvas.height = image.height + 2 * band;
    const ctx = canvas.getContext('2d');
    if (!ctx) return graph;
    const style = bannerStyle(marking);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, (canvas.width - image.width) / 2, band);
    for (const y of [0, canvas.height - band]) {
      ctx.fillStyle = style.background;
      ctx.fillRect(0, y, canvas.width, band);
      ctx.fillStyle = style.color;
      ctx.font = 'bold 26px sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(marking, canvas.width / 2, y + band / 2, canvas.width - 20);
    }
    return canvas.toDataURL('image/png');
  }

  /** The shown chart as a standalone SVG document. */
  svg(marking: string): string {
    const nodes = this.cy
      .nodes().filter(shown).nodes()
      .map((n) => ({
        id: n.id(),
        label: String(n.data('label')),
        x: n.position('x'),
        y: n.position('y'),
        fill: String(n.style('background-color')),
        stroke: n.hasClass('on-path') ? '#e8590c' : undefined,
      }));
    const edges = this.shownTies().map((e) => ({
      source: e.source,
      target: e.target,
      label: e.tie.schema,
      color: this.cy.getElementById(e.id).hasClass('on-path') ? '#e8590c' : '#9aa5b1',
      directed: e.tie.directed,
    }));
    return chartToSvg({ nodes, edges, marking });
  }

  destroy(): void {
    this.cy.destroy();
  }

  /** Where a new node starts before the next layout: beside the last selected node. */
  private nearNeighbour(): { x: number; y: number } {
    const anchor = this.selection.length ? this.cy.getElementById(this.selection[this.selection.length - 1]) : null;
    const base = anchor && anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    return { x: base.x + (Math.random() - 0.5) * 200, y: base.y + (Math.random() - 0.5) * 200 };
  }
}
