/**
 * Build step: render 图1 (content/figures/fig-01.yaml → Mermaid source) to static SVG in
 * Chromium, so no Mermaid runtime ever reaches a reader. Writes src/generated/fig-1.svg, which
 * FigureSlot/Roadmap inline on the page and /figures/1.svg serves as a file.
 *
 *   npx tsx pipeline/diagrams.ts
 *
 * The Mermaid bundle is served from node_modules through Playwright's request routing: no
 * network. After rendering, the SVG is made safe to inline under a strict CSP (Mermaid's <style>
 * and style attributes are dropped; src/styles/figures.css styles it for light and dark), and
 * every node becomes a link to the sentence it quotes, like the D3 figures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { launchChromium } from './chromium.ts';
import { DataError } from '../src/lib/errors.ts';
import { figureFile, parseFigureFile } from '../src/lib/figures/load.ts';
import { MERMAID_SVG, mermaidFingerprint, mermaidNodes, mermaidSource } from '../src/lib/figures/mermaid.ts';
import { checkProvenance } from '../src/lib/figures/provenance.ts';
import { deployment } from '../src/config/deploy.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { runCli } from './cli.ts';

const MERMAID_DIST = 'node_modules/mermaid/dist';
const ORIGIN = 'http://diagrams.invalid';
/** The font Mermaid measures with must be the one the page draws with (figures.css: var(--sans)). */
export const MERMAID_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** The input of a render, and its fingerprint: the page checks the SVG was made from today's data. */
export function mermaidInput(root = process.cwd(), base = deployment().base) {
  const { plan } = loadPlan(root);
  const file = figureFile(1);
  const figure = parseFigureFile(readFileSync(join(root, file), 'utf8'), file);
  checkProvenance(figure, plan, file);
  if (figure.renderer !== 'mermaid') throw new DataError(file, 'renderer', '图1 is drawn by mermaid');
  const source = mermaidSource(figure);
  const nodes = mermaidNodes(figure, plan, base);
  const hash = mermaidFingerprint(source, nodes);
  return { figure, source, nodes, hash };
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div>
<script type="module">
import mermaid from '${ORIGIN}/mermaid/mermaid.esm.min.mjs';
window.mermaid = mermaid;
window.mermaidReady = true;
</script></body></html>`;

export async function renderDiagrams(root = process.cwd()): Promise<void> {
  const input = mermaidInput(root);
  const dist = resolve(root, MERMAID_DIST);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // Everything the page asks for is answered from disk; anything else is refused.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
      const file = normalize(join(dist, url.pathname.replace(/^\/mermaid\//, '')));
      if (!file.startsWith(dist) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { mermaidReady?: boolean }).mermaidReady === true, undefined, { timeout: 60_000 });
    const svg = await page.evaluate(async ({ source, nodes, font, hash, caption }) => {
      type M = { initialize: (c: unknown) => void; render: (id: string, text: string) => Promise<{ svg: string }> };
      const mermaid = (window as unknown as { mermaid: M }).mermaid;
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'base',
        fontFamily: font,
        htmlLabels: false,
        look: 'classic',
        // ELK keeps the plan's order inside each layer (model order); dagre shuffles unlinked nodes.
        layout: 'elk',
        markdownAutoWrap: false,
        elk: { forceNodeModelOrder: true, considerModelOrder: 'NODES_AND_EDGES', nodePlacementStrategy: 'BRANDES_KOEPF', mergeEdges: true },
        flowchart: { htmlLabels: false, curve: 'basis', nodeSpacing: 14, rankSpacing: 44, padding: 10, useMaxWidth: false, wrappingWidth: 600 },
        themeVariables: { fontFamily: font, fontSize: '14px' },
      });
      const { svg } = await mermaid.render('fig-1-mermaid', source);
      const host = document.getElementById('out')!;
      host.innerHTML = svg;
      const root = host.querySelector('svg')!;
      const NS = 'http://www.w3.org/2000/svg';
      // Inline under a strict CSP: no <style>, no style attributes. figures.css restyles it.
      root.querySelectorAll('style').forEach((s) => s.remove());
      root.querySelectorAll('[style]').forEach((el) => el.removeAttribute('style'));
      const [, , w, h] = (root.getAttribute('viewBox') ?? '0 0 0 0').split(/\s+/).map(Number);
      root.setAttribute('width', String(Math.ceil(w!)));
      root.setAttribute('height', String(Math.ceil(h!)));
      root.removeAttribute('role');
      root.setAttribute('class', 'roadmap roadmap-mermaid');
      root.setAttribute('font-family', font);
      root.setAttribute('font-size', '14');
      root.setAttribute('data-figure', 'fig-1');
      root.setAttribute('data-source-hash', hash);
      root.removeAttribute('aria-labelledby');
      root.removeAttribute('aria-describedby');
      root.querySelectorAll(':scope > title, :scope > desc').forEach((el) => el.remove());
      const title = document.createElementNS(NS, 'title');
      title.id = 'fig-1-title';
      title.textContent = `图1 ${caption}（据正文重建）`;
      const desc = document.createElementNS(NS, 'desc');
      desc.id = 'fig-1-desc';
      desc.textContent = '总体路线图，由左至右依次为指导思想、基本原则、主要目标、主要任务、任务内容、保障措施；粗箭头为规划的层次顺序，细线为正文所述任务与其内容的关系。每个节点链接到其所据原文。';
      root.prepend(title, desc);
      // Each node becomes a link to its source, like the D3 figures.
      for (const meta of nodes) {
        const g = root.querySelector(`g.node[id*="-${meta.mid}-"]`);
        if (!g) throw new Error(`mermaid drew no node for ${meta.id}`);
        const a = document.createElementNS(NS, 'a');
        a.setAttribute('href', meta.href);
        a.setAttribute('class', `rm-node rm-layer-${meta.layer}${meta.inferred ? ' rm-inferred' : ''}`);
        a.setAttribute('aria-label', meta.aria);
        a.setAttribute('data-node', meta.id);
        a.setAttribute('data-layer', meta.layer);
        a.setAttribute('data-quote', meta.quote);
        a.setAttribute('data-where', meta.where);
        const tip = document.createElementNS(NS, 'title');
        tip.textContent = `${meta.where}：“${meta.quote}”`;
        g.replaceWith(a);
        a.append(tip, g);
      }
      root.querySelectorAll('g.edgePaths, g.edgeLabels').forEach((el) => el.setAttribute('aria-hidden', 'true'));
      return new XMLSerializer().serializeToString(root);
    }, { source: input.source, nodes: input.nodes, font: MERMAID_FONT, hash: input.hash, caption: input.figure.caption });
    const out = join(root, MERMAID_SVG);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${svg}\n`);
    console.log(`wrote ${MERMAID_SVG} (${(svg.length / 1024).toFixed(1)} KB)`);
  } finally {
    await browser.close();
  }
}

runCli(import.meta.url, () => renderDiagrams());
