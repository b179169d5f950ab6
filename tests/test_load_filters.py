"""``load(out, filters=...)`` on the real pipeline's output: a filter applies to the
tables that have its columns, and one that would apply to none is an error, not a
selection that silently keeps every row."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.errors import OutputError

# Filters that name no column of the tables read, or columns no one table has together,
# and a word of the message.
REFUSED = [
    (["events"], [("tpye", "==", "fine")], "'tpye'"),
    (None, [("tpye", "==", "fine")], "'tpye'"),
    (["events"], [[("type", "==", "fine")], [("date_strat", ">=", "2012-01-01")]], "'date_strat'"),
    (["documents"], [("type", "==", "fine")], "'type'"),
    (None, [("type", "==", "fine"), ("n_pages", ">", 1)], "no table"),
    (["events"], {"mentions": [("type", "==", "PER")]}, "'mentions'"),
    (["events", "mentions"], {"events": [("tpye", "==", "fine")]}, "'tpye'"),
]


@pytest.mark.parametrize("tables, filters, message", REFUSED)
def test_a_filter_that_would_apply_to_no_table_is_refused(sample_text_out, tables, filters, message):
    with pytest.raises(OutputError, match=message):
        pipeline.load(sample_text_out, tables=tables, filters=filters)


def test_a_list_filters_each_table_with_its_columns_and_a_dict_one_table(sample_text_out):
    everything = pipeline.load(sample_text_out)
    fines = (everything.events.type == "fine").sum()
    assert fines and len(everything.mentions)
    # A list: every table that has `type`, mentions included (no mention is a "fine").
    listed = pipeline.load(sample_text_out, filters=[("type", "==", "fine")])
    assert len(listed.events) == fines and len(listed.mentions) == 0
    assert len(listed.documents) == len(everything.documents)  # no `type` column: whole
    # A dict: only the table it names.
    one = pipeline.load(sample_text_out, filters={"events": [("type", "==", "fine")]})
    assert len(one.events) == fines and len(one.mentions) == len(everything.mentions)
