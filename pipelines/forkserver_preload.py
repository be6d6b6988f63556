"""Imported by the multiprocessing forkserver when it starts (``set_forkserver_preload``): it then dies with the run
that started it, and so do the workers it forks (each also asks for it in its initializer)."""
from core.processes import die_with_parent

die_with_parent()
