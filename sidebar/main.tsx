// The sidebar's entry: one Preact app, styles bundled and inlined into dist/Sidebar.html.
import { render } from 'preact';
import { App } from './App';
import { WORDS } from './i18n';
import './styles.css';

// The page's title for assistive technology (the sidebar's visible title is set by the server).
document.title = WORDS.en.appTitle;
const root = document.getElementById('app');
if (root) render(<App />, root);
