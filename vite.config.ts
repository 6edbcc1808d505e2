import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { mateoServer } from './server/dev-plugin';

const port = Number(process.env.PORT ?? 5173);

/**
 * Writes `.br` and `.gz` beside each built text file; the server sends them to browsers that
 * accept them (serveStatic's `precompressed`), so nothing is compressed per request.
 */
function precompress(): Plugin {
  return {
    name: 'mateo-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(file) || !options.dir) continue;
        const path = join(options.dir, file);
        const content = readFileSync(path);
        if (content.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        );
      }
    },
  };
}

/**
 * Puts the entry's style sheet into `index.html` as a `<style>` element: the first paint then
 * waits for no second request (the whole sheet is about 7 KiB compressed, all of it used by the
 * first screen). The page's CSP allows inline styles; a chunk loaded later that needs a sheet of
 * its own still gets it as a file.
 */
function inlineEntryCss(): Plugin {
  return {
    name: 'mateo-inline-entry-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string') return;
      const lazyCss = new Set(
        Object.values(bundle).flatMap((item) =>
          item.type === 'chunk' && !item.isEntry ? [...(item.viteMetadata?.importedCss ?? [])] : [],
        ),
      );
      html.source = html.source.replace(
        /<link rel="stylesheet"[^>]*\bhref="\/([^"]+\.css)"[^>]*>/g,
        (tag, file: string) => {
          const sheet = bundle[file];
          if (sheet?.type !== 'asset' || lazyCss.has(file)) return tag;
          const css = String(sheet.source).trim();
          // Text that would end the element early keeps the sheet a file.
          if (/<\/style/i.test(css)) return tag;
          delete bundle[file];
          return `<style>${css}</style>`;
        },
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), mateoServer(), inlineEntryCss(), precompress()],
  server: {
    // Always loopback: the dev server serves the proxy that adds the API key, and it is for the
    // developer's own browser. HOST is read by `npm start` only, for a deliberate deployment
    // (which prints a warning when it is not loopback).
    host: '127.0.0.1',
    port,
    strictPort: true,
    // Vite's own DNS-rebinding guard; the API gate checks Host again.
    allowedHosts: ['localhost', '127.0.0.1'],
  },
  build: {
    target: 'es2022',
    // One sheet for the whole app (it is small), which the page carries inline: no chunk then
    // asks for a sheet of its own when it loads.
    cssCodeSplit: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // React changes far less often than the app: in a chunk of its own it stays cached
        // across releases of the app. The texts, which the page needs at once and lazy parts
        // share, in one chunk rather than the two or three the split would make.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'i18n', test: /src[\\/]i18n[\\/]/ },
          ],
        },
      },
    },
  },
});
