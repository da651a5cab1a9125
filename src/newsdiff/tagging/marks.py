"""Punctuation and word shapes that the tagger's rule modules all read (`rules`,
`organisations`, `person_bounds`, `person_slots`), kept apart so that none imports another
for them."""
from __future__ import annotations

import re

PUNCT_STOP = {"،", ",", ".", "؛", ";", ":", "؟", "?", "!", "(", ")", "-", "–", "—", "\"", "“", "”", "«", "»"}
QUOTES = {"\"", "“", "”", "«", "»", "'", "‘", "’"}
DEFINITE = re.compile(r"^[وف]?(?:[بكل]?ال|لل)")  # a key with the article, after و/ف and ب/ك/ل
