"""The scenario model: what trainers may write, and the JSON Schema editors get."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from salesbot.core.scenario.model import Rubric, Scenario

BASE = {
    "id": "test",
    "language": "nl",
    "title": "Test",
    "briefing": "Je belt Piet.",
    "persona": {"name": "Piet", "role": "inkoper", "company": "Acme", "dmu_role": "buyer"},
    "pains": [{"id": "traag", "topic": "traag", "reply": "Het is traag."}],
    "outcomes": {"order": "Ja.", "advance": "Kom maar langs.", "continuation": "Bel me later.", "no_sale": "Nee."},
}


def test_one_string_is_one_variant_and_one_keyword() -> None:
    s = Scenario.model_validate(BASE)
    assert s.pains[0].topic == ["traag"] and s.pains[0].reply == ["Het is traag."]
    assert s.start.readiness == 20 and s.thresholds.order == 80 and s.rubric is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"language": "de"}, "language"),
        ({"id": "Has Spaces"}, "id"),
        ({"extra": 1}, "extra"),
        ({"pains": []}, "pains"),
        ({"start": {"readiness": 101}}, "start"),
    ],
)
def test_invalid_values_are_rejected(change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        Scenario.model_validate({**BASE, **change})
    assert error.value.errors()[0]["loc"][0] == field


def test_rubric_weights_must_add_up_to_more_than_zero() -> None:
    with pytest.raises(ValidationError, match="add up to more than 0"):
        Rubric.model_validate({"weights": {"spin": 0, "lsd": 0}})


def test_json_schema_accepts_one_string_or_a_list_where_the_model_does() -> None:
    schema = Scenario.model_json_schema()
    reply = schema["$defs"]["Fact"]["properties"]["reply"]
    assert [option["type"] for option in reply["anyOf"]] == ["string", "array"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "language", "title", "briefing", "persona", "pains", "outcomes"}
