"""Numeric indicators: every reported figure with its label, unit, kind and comparison.

    >>> [(i.label, i.kind, i.value, i.unit) for i in find_indicators(
    ...     "Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ 36%, "
    ...     "được đào tạo lý luận chính trị 74 %.")]  # doctest: +NORMALIZE_WHITESPACE
    [('Tỷ lệ công chức, viên chức có trình độ chuyên môn thạc sĩ', 'percent', 36.0, '%'),
     ('Tỷ lệ công chức, viên chức được đào tạo lý luận chính trị', 'percent', 74.0, '%')]

``find_indicators(text)`` works on any string; ``extract(skeleton, metadata)`` is
the pipeline's step: it leaves out numbers inside citations and in the front and
back matter, reads the tables' cells, and fills section, page and period.

Where each decision lives (one module, one job):

- :mod:`~extract.indicators.numbers`: number phrases (figures, ranges, fractions, spelled numbers);
- :mod:`~extract.indicators.units`, :mod:`~extract.indicators.measure`: the unit a figure is in;
  :mod:`~extract.indicators.scale`: its base value and base unit (``21.345 tỷ đồng`` → 2.1345e13 đồng);
- :mod:`~extract.indicators.filters`: numbers that are no indicator (dates, articles, names …);
- :mod:`~extract.indicators.kinds`, :mod:`~extract.indicators.ranks`: kind, direction, hedge, baseline;
- :mod:`~extract.indicators.roles`: result, target or threshold;
- :mod:`~extract.indicators.labels`, :mod:`~extract.indicators.naming`, :mod:`~extract.indicators.times`,
  :mod:`~extract.indicators.composition`,
  :mod:`~extract.indicators.neighbours`: the label;
- :mod:`~extract.indicators.sentences`, :mod:`~extract.indicators.footnotes`: the text a figure is read in;
- :mod:`~extract.indicators.prose`: the pass over running text that calls them in turn;
- :mod:`~extract.indicators.tables`, :mod:`~extract.indicators.table_rows`,
  :mod:`~extract.indicators.table_columns`: figures from table cells;
- :mod:`~extract.indicators.report`: the pipeline step;
- :mod:`~extract.indicators.refine`: underthesea's part (counted nouns, label trimming).

Word lists are tables in ``extract/data/`` (``units.tsv``, ``indicator_cues.tsv``,
``not_indicator_cues.tsv``, ``role_cues.tsv``, ``money_subjects.txt``, ``structure_units.txt``, ``measure_words.txt``, ``not_noun_words.txt``,
``table_columns.tsv``). Conventions (schema 1.1: value and unit as printed, base_value and
base_unit to compare by): ``docs/accuracy.md``.
"""

from __future__ import annotations

from extract.indicators.prose import NOUNS_DEFAULT, find_indicators
from extract.indicators.report import NLP_DEFAULT, extract

__all__ = ["find_indicators", "extract", "NLP_DEFAULT", "NOUNS_DEFAULT"]
