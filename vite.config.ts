import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const SRC = fileURLToPath(new URL('./src', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(`./demo/${name}`, import.meta.url));

/** The demo app: `vite` serves demo/, `vite build` writes dist/demo for the reference server. */
export default defineConfig({
  root: 'demo',
  publicDir: false,
  resolve: {
    alias: [
      { find: /^chartmark$/, replacement: `${SRC}/embed/index.ts` },
      { find: /^chartmark\/([a-z]+)$/, replacement: `${SRC}/$1/index.ts` },
    ],
  },
  build: {
    outDir: '../dist/demo',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { input: { main: page('index.html'), channel: page('channel.html') } },
  },
  server: { port: 5173, strictPort: false },
});
