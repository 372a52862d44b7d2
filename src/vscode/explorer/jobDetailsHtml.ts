// The job details page: the loss chart (inline SVG) and everything GetModelCustomizationJob returned. Built by the
// one webview HTML helper (webview/page.ts): its CSP with no script at all (`script-src 'none'`, styles only
// through a nonce) and its escapeHtml for every value.
import { lossChartSvg, type LossCurves } from '../../core/lifecycle/lossCurves';
import { buildCsp, escapeHtml, htmlDocument, inlineStyle, makeNonce } from '../webview/page';

const CSS = `
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); padding: 0 16px; }
svg { max-width: 100%; height: auto; } svg text { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.axis { stroke: var(--vscode-descriptionForeground); }
path.training { stroke: var(--vscode-charts-blue); stroke-width: 2; } path.validation { stroke: var(--vscode-charts-orange); stroke-width: 2; }
span.training { color: var(--vscode-charts-blue); } span.validation { color: var(--vscode-charts-orange); margin-left: 16px; }
.problem { color: var(--vscode-descriptionForeground); }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow: auto; }
`;

export function jobDetailsHtml(jobName: string, raw: unknown, curves: LossCurves | string): string {
  const nonce = makeNonce();
  const chart = typeof curves === 'string'
    ? `<p class="problem">${escapeHtml(curves)}</p>`
    : `${lossChartSvg(curves)}<p class="legend"><span class="training">&#9632; training loss (${curves.training.length} points)</span>
       <span class="validation">&#9632; validation loss (${curves.validation.length} points)</span></p>
       ${curves.problems.map((p) => `<p class="problem">${escapeHtml(p)}</p>`).join('')}`;
  return htmlDocument({
    title: jobName,
    csp: buildCsp({ nonce, scripts: false }),
    head: [inlineStyle(nonce, CSS)],
    body: [
      `<h2>${escapeHtml(jobName)}</h2>`,
      `<h3>Loss per step</h3>${chart}`,
      `<h3>GetModelCustomizationJob</h3><pre>${escapeHtml(JSON.stringify(raw, null, 2))}</pre>`,
    ],
  });
}
