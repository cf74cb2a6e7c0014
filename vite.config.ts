import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The web app lives in client/ and builds to client/dist, which the server serves. Every script and
// style sheet is also written brotli- and gzip-compressed beside itself, once at build time, so the
// server sends the smaller file without compressing anything per request (staticFiles.ts).
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'client'),
  plugins: [
    react(),
    compression({
      include: /\.(html|css|js|mjs|svg|json)$/,
      threshold: 1024,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
    }),
  ],
  build: {
    outDir: path.resolve(import.meta.dirname, 'client/dist'),
    emptyOutDir: true,
    sourcemap: true,
    // Which scripts and style sheets each page needs, for the server's preload hints (documentPreload.ts).
    manifest: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/join': 'http://127.0.0.1:8787',
      '/collab': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});
