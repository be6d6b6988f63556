"""Imported by the multiprocessing forkserver when it starts (``set_forkserver_preload``): it then dies with the run
that started it, and so do the workers it forks (each also asks for it in its initializer). It also loads what
every extraction worker needs (PDFium, the title vocabulary, the lemma dictionaries) once, so the workers forked
from it, and the ones that replace recycled workers, start warm."""
from core.processes import die_with_parent

die_with_parent()

import transforms.extraction  # noqa: E402,F401 - the extractors' imports, once
from transforms.title import preload  # noqa: E402

preload()
