#!/usr/bin/env python3
"""Several citygraph servers on one PostgreSQL store, side by side with sled, in one run.

Measures, over HTTP against release servers on loopback:
  1. acknowledged writes per second (POST /v1/cities, each answered only once durable):
     one server on sled, one server on PostgreSQL, two servers on one PostgreSQL writing at once;
  2. follower lag: a write acknowledged by server A, then read on server B with ?min_version=N
     (B answers once it serves version N): p50 and p99, and the plain read's round trip beside it;
  3. cold start at gen_graph medium: a server on a sled folder, a server joining PostgreSQL with an
     empty local folder (the database's checkpoint, then the log after it), the same server again
     (its own local checkpoint), and one joining when the database keeps no checkpoint (the whole
     change log replayed).

Usage: bench/cluster/run.py [--writes N] [--threads T] [--lag N] [--no-coldstart]
It starts its own throwaway PostgreSQL cluster (scripts/pg-cluster.sh) unless
CITYGRAPH_BENCH_PG_URL names one. Needs target/release/citygraph (cargo build --release -p citygraph-server).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "citygraph")
TOKEN = "bench-token"


class Server:
    def __init__(self, data_dir, store=None, schema="bench"):
        env = {k: v for k, v in os.environ.items() if not k.startswith("CITYGRAPH_")}
        env.update(CITYGRAPH_API_TOKENS=TOKEN, CITYGRAPH_LOG="warn")
        args = [BIN, "--data-dir", data_dir]
        if store:
            args += ["--store", store, "--pg-schema", schema]
        args += ["serve", "--bind", "127.0.0.1:0", "--no-seed"]
        self.started = time.monotonic()
        self.proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.port = None
        self.log = []
        ready = threading.Event()

        def drain():
            for line in self.proc.stderr:
                self.log.append(line)
                m = re.search(r"citygraph listening on http://127\.0\.0\.1:(\d+)", line)
                if m and self.port is None:
                    self.port = int(m.group(1))
                    self.ready_after = time.monotonic() - self.started
                    ready.set()
            ready.set()

        threading.Thread(target=drain, daemon=True).start()
        if not ready.wait(900) or self.port is None:
            raise SystemExit("server did not start:\n" + "".join(self.log[-30:]))

    def conn(self):
        return Conn(self.port)

    def stop(self):
        self.proc.kill()
        self.proc.wait()


class Conn:
    def __init__(self, port):
        self.c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None):
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers = {"content-type": "application/json", "authorization": "Bearer " + TOKEN}
        self.c.request(method, path, body=data, headers=headers)
        r = self.c.getresponse()
        payload = r.read()
        return r.status, r.headers, payload


def city(cid):
    return {"id": cid, "name": cid, "country": "FR", "region": "europe", "lat": 45.0, "lon": 4.0}


def writes_per_second(servers, threads, per_thread, prefix):
    """Every thread creates cities on its server, one request at a time; acknowledged writes/s."""
    done = [0]
    lock = threading.Lock()

    def work(server, t):
        c = server.conn()
        n = 0
        for i in range(per_thread):
            status, _, body = c.call("POST", "/v1/cities", city(f"{prefix}-{server.port}-{t}-{i}"))
            if status != 201:
                raise SystemExit(f"write refused: {status} {body[:200]!r}")
            n += 1
        with lock:
            done[0] += n

    pool = [threading.Thread(target=work, args=(s, t)) for s in servers for t in range(threads)]
    start = time.monotonic()
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    return done[0] / (time.monotonic() - start)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def follower_lag(a, b, n):
    ca, cb = a.conn(), b.conn()
    lag, rtt = [], []
    for i in range(n):
        cid = f"lag-{i}"
        status, headers, _ = ca.call("POST", "/v1/cities", city(cid))
        assert status == 201, status
        acked = time.monotonic()
        v = int(headers["x-graph-version"])
        status, headers, _ = cb.call("GET", f"/v1/cities/{cid}?min_version={v}")
        seen = time.monotonic()
        assert status == 200 and int(headers["x-graph-version"]) >= v, status
        lag.append((seen - acked) * 1000)
        t0 = time.monotonic()
        status, _, _ = cb.call("GET", f"/v1/cities/{cid}")
        rtt.append((time.monotonic() - t0) * 1000)
        time.sleep(0.005)
    return lag, rtt


def psql(url, sql):
    subprocess.run(["psql", url, "-q", "-c", sql], check=True, stdout=subprocess.DEVNULL)


def cli(args, data_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITYGRAPH_")}
    env["CITYGRAPH_LOG"] = "warn"
    t0 = time.monotonic()
    subprocess.run([BIN, "--data-dir", data_dir] + args, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--writes", type=int, default=600, help="writes per client thread")
    ap.add_argument("--threads", type=int, default=4, help="client threads per server")
    ap.add_argument("--lag", type=int, default=400, help="follower-lag samples")
    ap.add_argument("--no-coldstart", action="store_true")
    opts = ap.parse_args()
    if not os.path.exists(BIN):
        raise SystemExit(f"{BIN} is missing: cargo build --release -p citygraph-server")
    work = tempfile.mkdtemp(prefix="citygraph-cluster-bench-")
    pg_dir = None
    url = os.environ.get("CITYGRAPH_BENCH_PG_URL")
    try:
        if not url:
            # Its own folder: the postgres user must reach it.
            pg_dir = tempfile.mkdtemp(prefix="citygraph-bench-pg-")
            url = subprocess.run([os.path.join(ROOT, "scripts/pg-cluster.sh"), "start", pg_dir],
                                 check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        for schema in ("bench", "medium"):
            psql(url, f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        print(f"PostgreSQL: {url}; {opts.threads} client threads per server, {opts.writes} writes each")

        # 1. Acknowledged writes per second, side by side.
        rows = []
        s = Server(os.path.join(work, "sled"))
        rows.append(("one server, sled", writes_per_second([s], opts.threads, opts.writes, "w")))
        s.stop()
        a = Server(os.path.join(work, "a"), url)
        rows.append(("one server, PostgreSQL", writes_per_second([a], opts.threads, opts.writes, "w")))
        b = Server(os.path.join(work, "b"), url)
        rows.append(("two servers on one PostgreSQL, writing at once",
                     writes_per_second([a, b], opts.threads, opts.writes, "x")))
        base = rows[0][1]
        print("\n| store | acknowledged writes/s | vs sled |\n| --- | --- | --- |")
        for name, wps in rows:
            print(f"| {name} | {wps:,.0f} | {wps / base:.2f} |")

        # 2. Follower lag.
        lag, rtt = follower_lag(a, b, opts.lag)
        print(f"\nfollower lag over {opts.lag} writes (ack on A -> answer on B with min_version), ms: "
              f"p50 {pct(lag, 50):.2f}, p90 {pct(lag, 90):.2f}, p99 {pct(lag, 99):.2f}, max {max(lag):.2f}; "
              f"plain read on B: p50 {pct(rtt, 50):.2f}, p99 {pct(rtt, 99):.2f}")
        a.stop()
        b.stop()

        if opts.no_coldstart:
            return
        # 3. Cold start at medium.
        gen = os.path.join(work, "gg-medium")
        cli(["generate", "--scale", "medium", "--out", gen], work)
        t_sled = cli(["import", gen], os.path.join(work, "m-sled"))
        t_pg = cli(["--store", url, "--pg-schema", "medium", "import", gen], os.path.join(work, "m-import"))
        print(f"\nimport of medium: sled {t_sled:.1f} s, PostgreSQL {t_pg:.1f} s ({t_pg / t_sled:.2f}x)")
        starts = []
        s = Server(os.path.join(work, "m-sled"))
        starts.append(("sled folder (its checkpoint)", s.ready_after))
        s.stop()
        s = Server(os.path.join(work, "m-join"), url, "medium")
        starts.append(("PostgreSQL, joining with an empty local folder (the database's checkpoint)", s.ready_after))
        s.stop()
        s = Server(os.path.join(work, "m-join"), url, "medium")
        starts.append(("PostgreSQL, restarting (its local checkpoint)", s.ready_after))
        s.stop()
        psql(url, "DELETE FROM medium.checkpoints")
        s = Server(os.path.join(work, "m-nockp"), url, "medium")
        starts.append(("PostgreSQL, joining with no checkpoint anywhere (whole log replayed)", s.ready_after))
        s.stop()
        print("\n| cold start at medium (spawn to listening) | seconds | vs sled |\n| --- | --- | --- |")
        for name, secs in starts:
            print(f"| {name} | {secs:.2f} | {secs / starts[0][1]:.2f} |")
    finally:
        if pg_dir:
            subprocess.run([os.path.join(ROOT, "scripts/pg-cluster.sh"), "stop", pg_dir])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
