"""The load generator: C client threads, each sending one request after another for S seconds.

Plain `http.client` with one connection per request (the WSGI server closes them); the latency
of a request is from sending it to having read and parsed its JSON body.
"""

import http.client
import itertools
import json
import statistics
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Run:
    latencies: list = field(default_factory=list)
    errors: int = 0
    error_examples: list = field(default_factory=list)
    seconds: float = 0.0

    def percentile(self, p):
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    @property
    def qps(self):
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def summary(self):
        return {
            "requests": len(self.latencies) + self.errors,
            "p50_ms": self.percentile(50),
            "p95_ms": self.percentile(95),
            "p99_ms": self.percentile(99),
            "mean_ms": statistics.fmean(self.latencies) * 1000 if self.latencies else None,
            "qps": self.qps,
            "errors": self.errors,
        }


def request(host, port, path, check):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status} for {path}: {body[:200]!r}")
    check(json.loads(body), path)


def run(host, port, endpoint, queries, clients, seconds, check):
    """Send `queries` (cycled, shared by the clients) to `endpoint` for `seconds`."""
    result, lock = Run(), threading.Lock()
    source = itertools.cycle(queries)
    deadline = time.perf_counter() + seconds

    def client():
        while time.perf_counter() < deadline:
            with lock:
                path = f"{endpoint}?{next(source)}"
            started = time.perf_counter()
            try:
                request(host, port, path, check)
            except Exception as error:  # every failure counts, whatever it is
                with lock:
                    result.errors += 1
                    if len(result.error_examples) < 3:
                        result.error_examples.append(str(error)[:300])
                continue
            elapsed = time.perf_counter() - started
            with lock:
                result.latencies.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
