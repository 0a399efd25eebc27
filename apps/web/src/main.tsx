// Entry point: mount the app shell. Styles are one small stylesheet, bundled by Vite.
import { render } from 'preact';
import { App } from './app.component';
import './styles.css';

render(<App />, document.getElementById('app')!);
