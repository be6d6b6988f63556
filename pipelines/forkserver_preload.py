"""Imported by the multiprocessing forkserver when it starts (``set_forkserver_preload``): it then dies with the run
that started it, and so do the workers it forks (each also asks for it in its initializer). It also loads what
every extraction worker needs (PDFium, the title vocabulary, the lemma dictionaries) once, so the workers forked
from it, and the ones that replace recycled workers, start warm."""
from core.processes import die_with_parent

die_with_parent()

import transforms.extraction  # noqa: E402,F401 - the extractors' imports, once
# the extractors transforms.extraction imports inside its functions, with PDFium (its import loads the library)
import transforms.doc_text  # noqa: E402,F401
import transforms.docx_text  # noqa: E402,F401
import transforms.html_text  # noqa: E402,F401
import transforms.ocr  # noqa: E402,F401
import transforms.odt_text  # noqa: E402,F401
import transforms.pdf_text  # noqa: E402,F401
import transforms.rtf_text  # noqa: E402,F401
import transforms.sheet_text  # noqa: E402,F401
import pypdfium2  # noqa: E402,F401
import rapidfuzz.fuzz  # noqa: E402,F401
from transforms.title import preload  # noqa: E402

preload()
