"""Loads the four gen_graph CSVs into DuckDB tables in memory; prints the load time.

python3 bench/store/duckdb_load.py DATA_DIR   (run under /usr/bin/time -v for the whole process)
"""
import sys
import time

t0 = time.perf_counter()
import duckdb  # noqa: E402

d = sys.argv[1]
con = duckdb.connect()
t1 = time.perf_counter()
for name in ["cities", "networks", "memberships", "partnerships"]:
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{d}/{name}.csv', header=true)")
rows = {n: con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in ["cities", "networks", "memberships", "partnerships"]}
t2 = time.perf_counter()
print(f'{{"bench":"duckdb_load","import_s":{t1 - t0:.3f},"load_s":{t2 - t1:.3f},"total_s":{t2 - t0:.3f},"rows":{rows}}}')
