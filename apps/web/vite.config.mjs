// Vite config for the technician SPA. Run from the repo root: `npm run build:web`.
// No framework plugin: Vite 8's built-in oxc transform handles Preact JSX (automatic runtime).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// Dev server only: forward API + socket traffic to a locally running API (`npm start`).
const apiTarget = process.env.SWITCHBOARD_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The API serves these files directly; source maps would only bloat the shipped folder.
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
