"""kznames: one identity for every spelling of a Kazakh name.

>>> import kznames
>>> kznames.key("Toqaev") == kznames.key("Tokayev") == kznames.key("Тоқаев")
True
>>> kznames.transliterate("Қасым-Жомарт Тоқаев", "kk-bgn-pcgn")
'Qasym-Zhomart Toqaev'
"""

from kznames.dedupe import Cluster, Deduplication, Member, dedupe, dedupe_detail
from kznames.frames import dedupe_frame
from kznames.identifier import normalize
from kznames.match import Match, PartMatch, match, match_many
from kznames.mentions import Mention, find_entities
from kznames.names import PersonName, parse_name
from kznames.part_similarity import Similarity, Step, similarity
from kznames.reader import Reading, WordReading, key, readings
from kznames.registry import Entity, Exonym, FormerName, Lookup, Registry
from kznames.resolve import resolve
from kznames.translit import systems, transliterate

__all__ = [
    "Cluster",
    "Deduplication",
    "Entity",
    "Exonym",
    "FormerName",
    "Lookup",
    "Match",
    "Member",
    "Mention",
    "PartMatch",
    "PersonName",
    "Reading",
    "Registry",
    "Similarity",
    "Step",
    "WordReading",
    "dedupe",
    "dedupe_detail",
    "dedupe_frame",
    "find_entities",
    "key",
    "match",
    "match_many",
    "normalize",
    "parse_name",
    "readings",
    "resolve",
    "similarity",
    "systems",
    "transliterate",
]
__version__ = "0.1.0"
