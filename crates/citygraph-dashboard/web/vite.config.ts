import { defineConfig } from "vite";

// The bundle is served by citygraph at /dashboard/ and embedded in the binary: relative URLs (so
// any mount point works), hashed names under assets/ (cached for a year), no inline scripts or
// styles (the Content-Security-Policy forbids them), and the basemap inside the bundle.
export default defineConfig({
  base: "./",
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    target: "es2022",
  },
});
