"""Run functions in real threads at the same instant (each thread has its own DB connection)."""

import threading

from django.db import connection


def run_at_once(functions, *, timeout=120):
    """Start every function behind one barrier; return [(result or exception)] in call order."""
    barrier = threading.Barrier(len(functions))
    outcomes = [None] * len(functions)

    def target(index, function):
        try:
            barrier.wait()
            outcomes[index] = function()
        except Exception as exc:  # noqa: BLE001 - returned to the test, which asserts on it
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=pair) for pair in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return outcomes
