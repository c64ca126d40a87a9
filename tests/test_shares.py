"""The one share reader and printer: every printed share reads back to itself; bad text names its field."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.electoral import Threshold
from reformlab.errors import ReformlabError
from reformlab.model.values import parse_share as model_share
from reformlab.shares import format_share, parse_share


@given(st.fractions(min_value=0, max_value=1, max_denominator=10**6))
def test_printed_shares_read_back(share):
    assert parse_share(format_share(share)) == share == model_share(format_share(share))


def test_the_law_s_fractions_and_percents():
    assert [format_share(Fraction(*f)) for f in ((1, 2), (3, 4), (1, 5), (7, 100), (1, 20))] == [
        "1/2", "3/4", "1/5", "7%", "5%"]
    assert Threshold(share=Fraction(7, 100), base="ballots_cast").to_dict()["share"] == "7%"


@pytest.mark.parametrize("text", ["seven", "7%%", True, None, "1/0"])
def test_bad_text_names_the_field(text):
    with pytest.raises(ReformlabError) as info:
        parse_share(text, field="threshold.share")
    assert info.value.field == "threshold.share" and "as a share" in info.value.problem
    with pytest.raises(ValueError, match="as a share"):
        model_share(text)
