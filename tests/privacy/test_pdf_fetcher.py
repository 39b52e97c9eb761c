"""WeasyPrint's second line of defence: no URL is fetched except the project's own files."""

from __future__ import annotations

import logging

import pytest

from assistant.pip import pdf


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "http://127.0.0.1:9/x.css", "https://example.org/a.png",
    "data:image/png;base64,iVBORw0KGgo=", "ftp://host/file", "file://otherhost/etc/passwd",
])
def test_every_outside_url_is_refused(url):
    assert not pdf.allowed_url(url)
    with pytest.raises(ValueError):
        pdf.refuse_urls().fetch(url)


def test_bundled_files_are_allowed_and_traversal_is_not(tmp_path, monkeypatch):
    bundled = tmp_path / "static"
    bundled.mkdir()
    (bundled / "pip.css").write_text("body { color: black }")
    (tmp_path / "secret.txt").write_text("geheim")
    monkeypatch.setattr(pdf, "BUNDLED", bundled.resolve())
    assert pdf.allowed_url((bundled / "pip.css").as_uri())
    response = pdf.refuse_urls().fetch((bundled / "pip.css").as_uri())
    assert response.url.endswith("pip.css")
    response.close()
    assert not pdf.allowed_url(bundled.as_uri() + "/../secret.txt")
    assert not pdf.allowed_url((bundled / "missing.css").as_uri())


@pytest.mark.slow
def test_an_injected_image_is_not_loaded_into_the_pdf(tmp_path, caplog):
    from weasyprint import HTML

    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>GEHEIM</text></svg>')
    html = f'<p>x</p><img src="{secret.as_uri()}"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        out = HTML(string=html, url_fetcher=pdf.refuse_urls()).write_pdf()
    assert b"GEHEIM" not in out
    assert any("refused" in r.getMessage() for r in caplog.records)
