// The one webview HTML helper: every webview of the extension (the comparison report, the job details page) gets
// its options and HTML from here and the pure `page.ts`, so the security rules live in one place
// (docs/ARCHITECTURE.md, "Webviews"): CSP `default-src 'none'`, a crypto nonce on scripts and styles,
// `webview.cspSource` for styles and images, resource roots limited to the built webview folder and the thumbnail
// cache (none for a page without resources), one escapeHtml.
import * as vscode from 'vscode';
import { buildCsp, buildPage, makeNonce } from './page';

/** The built webview bundle (scripts/build.mjs writes dist/webview/main.js and main.css). */
export function webviewDistUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** Where fetched thumbnails are cached: a folder under the extension's global storage. */
export function thumbnailCacheUri(globalStorageUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(globalStorageUri, 'thumbnails');
}

export function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    // Not retained when hidden: the webview restores itself from getState() and the host re-sends the report.
    retainContextWhenHidden: false,
    localResourceRoots: [webviewDistUri(context.extensionUri), thumbnailCacheUri(context.globalStorageUri)],
  };
}

/** A page with no script and no local resources (job details: inline SVG and text only). */
export function staticPageOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = makeNonce();
  const dist = webviewDistUri(extensionUri);
  return buildPage({
    title,
    nonce,
    csp: buildCsp({ cspSource: webview.cspSource, nonce }),
    script: { uri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.js')).toString() },
    style: { uri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.css')).toString() },
  });
}
