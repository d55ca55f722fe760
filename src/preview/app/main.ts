// Browser entry of the preview: synthetic shadow first (as in Lightning Experience), then the
// shell, which hosts the deployed components.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import Shell from 'preview/shell';

const root = document.getElementById('root');
if (root) root.appendChild(createElement('preview-shell', { is: Shell }));
