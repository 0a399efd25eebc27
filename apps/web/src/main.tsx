// Entry point: mount the app shell. Both stylesheets load here, with the shell: the screens' styles
// are shared by lazily loaded chunks (chats, devices, cases, admin...) and by the chat-request card the
// shell itself shows, so they must not depend on which route the tab opened first.
import { render } from 'preact';
import { App } from './app.component';
import './styles.css';
import './screens.css';

render(<App />, document.getElementById('app')!);
