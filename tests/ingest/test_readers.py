import json
from pathlib import Path

import pytest

from tripwire.document import Article
from tripwire.errors import BadRecord
from tripwire.ingest import iter_articles


def read(*paths: Path | str, **kwargs) -> list[Article | BadRecord]:
    return list(iter_articles([str(p) for p in paths], **kwargs))


def test_jsonl_keeps_order_ids_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "b-2", "text": "Valdoria recalled its ambassador.", "published": "2026-09-02"},
        {"id": "a-1", "html": "<p>Marovia closed the border.</p>", "url": "http://x.test/1"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    items = read(path)
    assert [a.id for a in items] == ["b-2", "a-1"]
    assert items[0].published == "2026-09-02" and items[0].text.startswith("Valdoria")
    assert items[1].html and items[1].text is None and items[1].url == "http://x.test/1"
    assert items[0].origin == f"{path}:1"


def test_invalid_json_line_is_reported_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "text": "Fine."}\n{"id": 2, "text": \n{"id": "3"}\n')
    items = read(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], BadRecord) and items[1].where == f"{path}:2"
    assert "invalid JSON" in items[1].message
    assert isinstance(items[2], BadRecord) and "no 'text' or 'html'" in items[2].message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Zürich talks résumé".encode("utf-8-sig"), "Zürich talks résumé"),
        ("Zürich talks résumé".encode("utf-16"), "Zürich talks résumé"),
        ("Zürich talks résumé".encode(), "Zürich talks résumé"),
    ],
)
def test_text_encodings_are_detected(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (article,) = read(path)
    assert article.text == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le ministre a déclaré que la frontière était fermée.", "latin-1"),
        ("El ministro declaró que la frontera está cerrada. Año nuevo.", "cp1252"),
        ("Ministr řekl, že hranice je uzavřena. Vláda to potvrdila ve čtvrtek.", "cp1250"),
        ("Министр заявил, что граница закрыта.", "cp1251"),
    ],
)
def test_legacy_8bit_text_decodes_to_the_written_text(tmp_path: Path, text: str,
                                                       encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.text == text


def test_binary_empty_and_missing_inputs_are_bad_records(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    items = read(binary, empty, tmp_path / "missing.txt")
    assert [(i.code, i.where) for i in items] == [
        ("E004", str(binary)), ("E004", str(empty)), ("E002", str(tmp_path / "missing.txt")),
    ]
    assert "binary" in items[0].message and "empty" in items[1].message


def test_folder_is_read_recursively_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("Marovia shelled Tessel.")
    (tmp_path / "two.html").write_text("<html><body><p>Talks resumed.</p></body></html>")
    (tmp_path / "sub" / "meta.csv").write_text("file,published,source\none.txt,2026-09-03,Wire\n")
    items = read(tmp_path)
    by_name = {Path(i.origin).name: i for i in items}
    assert set(by_name) == {"one.txt", "two.html"}
    assert by_name["one.txt"].published == "2026-09-03"
    assert by_name["one.txt"].source == "Wire"


def test_folder_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    (item,) = read(tmp_path)
    assert item.code == "E003"


def test_csv_articles_and_published_default(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text('id,text,published\nc1,"Talks, again.",\nc2,Strikes.,2026-01-02\n')
    items = read(path, published="2026-01-01")
    assert [(a.id, a.text, a.published) for a in items] == [
        ("c1", "Talks, again.", "2026-01-01"), ("c2", "Strikes.", "2026-01-02"),
    ]


def test_size_cap_refuses_oversized_article(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    (item,) = read(path, max_chars=50)
    assert isinstance(item, BadRecord) and item.code == "E007"
    assert "over the cap of 50" in item.message


def test_bad_record_date_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "x", "published": "the day after"}\n')
    (item,) = read(path)
    assert item.code == "E006" and item.where == f"{path}:1"


def test_sidecar_in_a_parent_folder_applies_by_relative_path(tmp_path: Path) -> None:
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "a.txt").write_text("Talks resumed in Corvo.")
    (tmp_path / "published.csv").write_text("file,published,title\ntxt/a.txt,2026-09-30,Talks\n")
    (article,) = read(tmp_path)
    assert (article.published, article.title) == ("2026-09-30", "Talks")
