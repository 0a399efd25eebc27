// Vite config for the web UI. Run from the repo root: `npm run build:web`.
// No framework plugin: Vite 8's built-in oxc transform handles Preact JSX (automatic runtime).
// Three outputs share one build:
//   index.html  → the technician SPA (served for /, /tickets, /cases, ...)
//   portal.html → the customer portal page (the API serves it for /p/:subdomain); its own small bundle
//   embed.js    → the classic <script> customers put on their site (launcher button + iframe), not hashed;
//                 minified from public/portal-embed.js (also emitted as portal-embed.js)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, minify } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// Dev server only: forward API + socket traffic to a locally running API (`npm start`).
const apiTarget = process.env.SWITCHBOARD_API_URL ?? 'http://localhost:3000';

/**
 * Emits `dist/embed.js` (and `dist/portal-embed.js`) minified from `public/portal-embed.js`, a
 * self-contained classic script (an IIFE, no module syntax, no imports): customers' pages load it
 * with a plain <script src>, under a stable name. (`publicDir` is off, so nothing else is copied.)
 */
function embedScript() {
  const source = fileURLToPath(new URL('./public/portal-embed.js', import.meta.url));
  return {
    name: 'switchboard-embed-script',
    apply: 'build',
    async generateBundle() {
      this.addWatchFile(source);
      const min = await minify('portal-embed.js', readFileSync(source, 'utf8'), { compress: true, mangle: true });
      if (min.errors?.length) this.error(`portal-embed.js: ${min.errors.map((e) => e.message).join('; ')}`);
      for (const fileName of ['embed.js', 'portal-embed.js'])
        this.emitFile({ type: 'asset', fileName, source: min.code });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [embedScript()],
  // libs/contracts is shared with the server (types and event-name constants, no server code).
  resolve: {
    alias: { '@switchboard/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The API serves these files directly; source maps would only bloat the shipped folder.
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./portal.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
