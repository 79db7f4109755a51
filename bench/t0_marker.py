"""Imported first by bench/tui.py: the moment the interpreter got to user code."""

import time

T0 = time.perf_counter()
