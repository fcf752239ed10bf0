// Serves one build of the dashboard in front of a running citygraph, for side-by-side browser
// benchmarks of two bundles against the same server (see BENCHMARKS.md, "Dashboard in headless
// Chromium"): files under /dashboard/ come from DIST (with the server's own
// Content-Security-Policy), everything else is passed to the server.
// Usage: node serve-bundle.mjs PORT DIST UPSTREAM
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const [port, dist, upstream] = process.argv.slice(2);
if (!port || !dist || !upstream) {
  console.error("usage: node serve-bundle.mjs PORT DIST UPSTREAM");
  process.exit(2);
}
const up = new URL(upstream);
const TYPES = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml" };
const csp = (await fetch(new URL("/dashboard/", up))).headers.get("content-security-policy") ?? "default-src 'self'";
const root = path.resolve(dist);

http
  .createServer((req, res) => {
    const p = decodeURIComponent(req.url.split("?")[0]);
    if (p.startsWith("/dashboard/")) {
      let f = path.resolve(root, p.slice("/dashboard/".length) || "index.html");
      if (!f.startsWith(root + path.sep) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) f = path.join(root, "index.html");
      res.writeHead(200, { "content-type": TYPES[path.extname(f)] ?? "application/octet-stream", "content-security-policy": csp });
      fs.createReadStream(f).pipe(res);
      return;
    }
    const r = http.request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers }, (ur) => {
      res.writeHead(ur.statusCode, ur.headers);
      ur.pipe(res);
    });
    r.on("error", () => res.writeHead(502).end());
    req.pipe(r);
  })
  .listen(Number(port), "127.0.0.1");
