"""Imported by a batch's forkserver, once: every file's process forks from a warm interpreter.

Importing this module is the warm-up (the forkserver can only be told module names
to import): the readers imported, the patterns compiled, underthesea's tagger
loaded, and then ``gc.freeze()`` so that the collector in a forked child does not
touch — and so copy — the pages of all these objects.
"""

import gc

from extract import warm

warm.warm_up(nlp=True)
gc.freeze()
