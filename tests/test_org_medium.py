"""A web service named as the medium something was said or shown in is the product,
no organisation acting; named as an actor it is an organisation (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import ORG
from pipeline.tag.names import tag_names


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


@pytest.mark.parametrize("text, service, is_org", [
    ("Адвокат рассказал об обыске в своём Telegram.", "Telegram", False),
    ("Видео задержания выложили на YouTube вечером.", "YouTube", False),
    ("Об этом она написала в соцсети ВКонтакте.", "ВКонтакте", False),
    ("Ролик появился в Фейсбуке через час.", "Фейсбуке", False),
    ("Telegram заблокировал канал правозащитников.", "Telegram", True),
    ("Запрос суда получил Фейсбук, но ответа не дал.", "Фейсбук", True),
])
def test_medium_or_actor(text, service, is_org, models):
    assert (service in orgs(text, models)) is is_org
