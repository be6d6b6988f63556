"""Processes of a night die with it: ``die_with_parent()`` asks Linux to send SIGTERM when the parent dies.

A run killed with SIGKILL cannot clean up, so every child it starts (the crawl, the demo web, the extraction
forkserver and its workers) arranges its own end: PR_SET_PDEATHSIG makes the kernel signal the child when the
process that started it dies. A crawl orphaned for hours would load municipal servers twice when the operator
reruns. On systems without prctl it does nothing (the children then end when their work or their pipes end).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM) -> bool:
    """Have `sig` sent to this process when its parent dies; also check the parent is not gone already."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        ok = libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
    if ok and os.getppid() == 1:  # the parent died before the request took effect
        os.kill(os.getpid(), sig)
    return ok
