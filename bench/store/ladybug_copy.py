"""LadybugDB: COPY the four gen_graph CSVs into an on-disk database; prints the time.

python3 bench/store/ladybug_copy.py DATA_DIR DB_PATH   (under /usr/bin/time -v for the peak)
"""
import os
import shutil
import sys
import time

import ladybug as lb

d, db_path = sys.argv[1], sys.argv[2]
if os.path.exists(db_path):
    shutil.rmtree(db_path) if os.path.isdir(db_path) else os.remove(db_path)
t0 = time.perf_counter()
db = lb.Database(db_path)
con = lb.Connection(db)
con.execute("CREATE NODE TABLE City(id STRING, name STRING, country STRING, region STRING, subregion STRING, lat DOUBLE, lon DOUBLE, population INT64, PRIMARY KEY (id))")
con.execute("CREATE NODE TABLE Network(id STRING, name STRING, kind STRING, region STRING, founded INT64, PRIMARY KEY (id))")
con.execute("CREATE REL TABLE MemberOf(FROM City TO Network, joined INT64, left_year INT64)")
con.execute("CREATE REL TABLE Partner(FROM City TO City, established INT64, lapsed INT64)")
for table, name in [("City", "cities"), ("Network", "networks"), ("MemberOf", "memberships"), ("Partner", "partnerships")]:
    con.execute(f"COPY {table} FROM '{d}/{name}.csv' (HEADER=true)")
con.close()
db.close()
t1 = time.perf_counter()
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(db_path) for f in fs) if os.path.isdir(db_path) else os.path.getsize(db_path)
print(f'{{"bench":"ladybug_copy","seconds":{t1 - t0:.3f},"bytes":{size}}}')
