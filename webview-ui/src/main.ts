// The comparison webview's entry. The report UI arrives with the comparison webview issue.
const root = document.getElementById('root');
if (root) root.textContent = 'Loading report...';
