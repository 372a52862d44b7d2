// The self-contained HTML snapshot of a report: the built webview JS and CSS inlined with a nonce, the report as a
// JSON data block, thumbnails as data: URIs. Same CSP approach as the live panel (no cspSource: nothing external).
// No vscode import: unit-tested in plain Node.
import type { ViewState } from '../../protocol/messages';
import type { ComparisonReport } from '../../protocol/report';
import { buildCsp, buildPage, makeNonce } from '../webview/page';

export interface SnapshotInput {
  report: ComparisonReport;
  source: string;
  state: ViewState;
  js: string;
  css: string;
  /** Item id -> data: URI of its thumbnail. */
  thumbnails: Record<string, string>;
  thumbnailProblems?: Record<string, string>;
  /** Model -> the embedding map as the panel drew it (a PNG data: URI); anything else is dropped. */
  mapImages?: Record<string, string>;
}

const PNG_DATA_URI = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;

export function buildSnapshot(i: SnapshotInput): string {
  const nonce = makeNonce();
  return buildPage({
    title: `Model comparison: ${i.report.models.map((m) => m.name).join(' vs ')}`,
    nonce,
    csp: buildCsp({ nonce, imgExtra: ['data:'] }),
    script: { inline: i.js },
    style: { inline: i.css },
    data: {
      report: i.report, source: i.source, state: i.state, thumbnails: i.thumbnails, thumbnailProblems: i.thumbnailProblems ?? {},
      mapImages: Object.fromEntries(Object.entries(i.mapImages ?? {}).filter(([, v]) => PNG_DATA_URI.test(v))),
    },
  });
}
