"""kznames: one identity for every spelling of a Kazakh name.

>>> import kznames
>>> kznames.key("Toqaev") == kznames.key("Tokayev") == kznames.key("Тоқаев")
True
>>> kznames.transliterate("Қасым-Жомарт Тоқаев", "kk-bgn-pcgn")
'Qasym-Zhomart Toqaev'
"""

from kznames.fold import key
from kznames.identifier import normalize
from kznames.translit import systems, transliterate

__all__ = ["key", "normalize", "systems", "transliterate"]
__version__ = "0.1.0"
