"""Decoding report bytes: encoding detection, --encoding, binary data and reading sources."""
from __future__ import annotations

import codecs
import io
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luohu_cli.decode import decode_bytes, read_source
from luohu_cli.errors import InputError

LONG_SIMPLIFIED = (
    "一年来，经济运行稳中有进。全年地区生产总值2630.2亿元、增长3.4%，增速高于全市平均水平。"
    "金融业增加值近千亿元、增长9.2%，现代服务业和战略性新兴产业增量持续，产业发展能级不断提升。\r\n"
    "——全年新增上市企业5家，固定资产投资增长12.1%，社会消费品零售总额下降1.5%，"
    "城镇新增就业2.3万人。\r\n"
)
LONG_TRADITIONAL = (
    "一年來，經濟運行穩中有進。全年地區生產總值2630.2億元、增長3.4%，增速高於全市平均水平。"
    "金融業增加值近千億元、增長9.2%，現代服務業和戰略性新興產業增量持續，產業發展能級不斷提升。\r\n"
    "——全年新增上市企業5家，固定資產投資增長12.1%，社會消費品零售總額下降1.5%，"
    "城鎮新增就業2.3萬人。\r\n"
)
SHORT_SIMPLIFIED = "地区生产总值增长3.4%"
SHORT_TRADITIONAL = "地區生產總值增長3.4%"

TEXTS = {
    "long-simplified": LONG_SIMPLIFIED,
    "long-traditional": LONG_TRADITIONAL,
    "short-simplified": SHORT_SIMPLIFIED,
    "short-traditional": SHORT_TRADITIONAL,
}
# How a report is written to bytes, by name; "+bom" puts the byte order mark first.
ENCODERS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8+bom": lambda text: text.encode("utf-8-sig"),
    "gb18030": lambda text: text.encode("gb18030"),
    "gbk": lambda text: text.encode("gbk"),
    "big5": lambda text: text.encode("big5"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "utf-16-be": lambda text: text.encode("utf-16-be"),
    "utf-16-le+bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be+bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
}


def _encodable_cases() -> list:
    """Every encoder x text pair the encoding can represent (Big5 has no Simplified forms)."""
    cases = []
    for encoder_name, encode in ENCODERS.items():
        for text_name, text in TEXTS.items():
            try:
                data = encode(text)
            except UnicodeEncodeError:
                continue
            cases.append(pytest.param(data, text, id=f"{encoder_name}-{text_name}"))
    return cases


DETECTION_CASES = _encodable_cases() + [
    pytest.param(codecs.BOM_UTF32_LE + SHORT_SIMPLIFIED.encode("utf-32-le"), SHORT_SIMPLIFIED,
                 id="utf-32-le+bom-short-simplified"),
    pytest.param("香港特別行政區的𨋢".encode("big5hkscs"), "香港特別行政區的𨋢",
                 id="big5hkscs-hong-kong-character"),
    pytest.param("總值增長3.4%".encode("gb18030"), "總值增長3.4%",
                 id="gb18030-traditional-characters"),
    pytest.param("GDP 2630.2 (2022)\n".encode("ascii"), "GDP 2630.2 (2022)\n", id="ascii-only"),
    pytest.param("增长3.4%±0.5".encode("utf-8"), "增长3.4%±0.5", id="utf-8-with-latin-1-sign"),
    pytest.param("a\ufeffb".encode("utf-8"), "a\ufeffb", id="inner-bom-kept"),
]


@pytest.mark.parametrize(("data", "text"), DETECTION_CASES)
def test_decode_bytes_detects_the_encoding(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


def test_the_pair_table_covers_every_encoder() -> None:
    ids = {case.id for case in DETECTION_CASES}
    assert {"big5-short-traditional", "gbk-short-simplified", "utf-16-be-long-traditional"} <= ids
    assert "big5-short-simplified" not in ids  # Big5 cannot write Simplified characters


def test_crlf_is_kept_so_offsets_point_into_the_text() -> None:
    text = decode_bytes(LONG_SIMPLIFIED.encode("gb18030"))
    start = text.index("城镇新增就业")
    assert text.count("\r\n") == 2
    assert text[start - 3:start] == "5%，"


OVERRIDE_CASES = [
    pytest.param("增长".encode("gb18030"), "gb18030", "增长", id="gb18030-two-characters"),
    pytest.param("增長".encode("big5"), "big5", "增長", id="big5-two-characters"),
    pytest.param("增長".encode("big5"), "cp950", "增長", id="cp950-alias-of-big5"),
    pytest.param(b"caf\xe9", "latin-1", "café", id="latin-1-not-guessed"),
    pytest.param("地区".encode("utf-8-sig"), "utf-8", "地区", id="utf-8-bom-stripped"),
    pytest.param("地区".encode("utf-16"), "utf-16", "地区", id="utf-16-bom-consumed"),
    pytest.param("1\r\n2".encode("UTF-16LE"), "UTF-16LE", "1\r\n2", id="codec-name-any-case"),
    pytest.param(b"", "gb18030", "", id="empty-bytes"),
]


@pytest.mark.parametrize(("data", "encoding", "text"), OVERRIDE_CASES)
def test_encoding_override_is_used_as_given(data: bytes, encoding: str, text: str) -> None:
    assert decode_bytes(data, encoding) == text


BAD_CODEC_CASES = [
    pytest.param("xyz", "unknown encoding 'xyz'", id="unknown-name"),
    pytest.param("", "unknown encoding ''", id="empty-name"),
    pytest.param("base64", "'base64' is not a text encoding", id="bytes-to-bytes-codec"),
]


@pytest.mark.parametrize(("encoding", "message"), BAD_CODEC_CASES)
def test_a_bad_codec_name_is_an_input_error(encoding: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes("地区".encode("utf-8"), encoding, source="r.txt")
    assert str(caught.value) == message
    assert caught.value.source == "r.txt"


UNDECODABLE_CASES = [
    pytest.param("12地区".encode("gb18030"), "utf-8", 2, id="gb18030-read-as-utf-8"),
    pytest.param("12地区".encode("utf-8"), "ascii", 2, id="utf-8-read-as-ascii"),
    pytest.param("地区".encode("utf-8"), "big5", 0, id="utf-8-read-as-big5"),
    pytest.param(b"ab\xe5\x9c", "utf-8", 2, id="truncated-utf-8"),
]


@pytest.mark.parametrize(("data", "encoding", "offset"), UNDECODABLE_CASES)
def test_undecodable_bytes_name_encoding_and_offset(data: bytes, encoding: str,
                                                   offset: int) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, encoding, source="r.txt")
    message = str(caught.value)
    assert message.startswith(f"cannot decode r.txt as {encoding}: ")
    assert message.endswith(f"at byte offset {offset}")
    assert "\n" not in message


_random = random.Random(20230110)
RANDOM_WITH_NULS = bytes(_random.randrange(256) for _ in range(512)) + b"\x00\x00"

BINARY_CASES = [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32), id="png-header"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", id="pdf-header"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00" + bytes(20), id="zip-or-docx-header"),
    pytest.param(b"\x7fELF\x02\x01\x01" + bytes(9), id="elf-header"),
    pytest.param(RANDOM_WITH_NULS, id="random-bytes-with-nuls"),
    pytest.param(b"abc\x00\x00\x00\x01\x02\x03\xff", id="nuls-in-no-utf-16-pattern"),
    pytest.param(b"ab\x00", id="nul-odd-length"),
    pytest.param(bytes(range(1, 32)) * 4, id="control-bytes-without-nul"),
    pytest.param("地区\x01\x02\x03\x04\x05".encode("utf-8"), id="utf-8-full-of-controls"),
]


@pytest.mark.parametrize("data", BINARY_CASES)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="looks like binary data, not a text report") as caught:
        decode_bytes(data, source="report.bin")
    assert str(caught.value).startswith("report.bin")
    assert caught.value.source == "report.bin"


NOT_DECODABLE_CASES = [
    pytest.param(b"\x80\xff\x80", id="invalid-in-every-candidate"),
    pytest.param(b"12\xff", id="ascii-then-0xff"),
]


@pytest.mark.parametrize("data", NOT_DECODABLE_CASES)
def test_bytes_no_candidate_decodes_ask_for_encoding(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, source="r.txt")
    assert str(caught.value) == ("cannot decode r.txt: not UTF-8, GB18030, Big5 or UTF-16; "
                                 "use --encoding")


BOM_MISMATCH_CASES = [
    pytest.param(codecs.BOM_UTF8 + b"\xff\xfe\xfd", id="utf-8-bom-then-invalid"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", id="utf-16-bom-lone-surrogate"),
]


@pytest.mark.parametrize("data", BOM_MISMATCH_CASES)
def test_a_bom_that_lies_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="byte order mark"):
        decode_bytes(data)


EMPTY_CASES = [
    pytest.param(b"", None, id="no-encoding"),
    pytest.param(b"", "big5", id="with-encoding"),
    pytest.param(codecs.BOM_UTF8, None, id="only-a-bom"),
]


@pytest.mark.parametrize(("data", "encoding"), EMPTY_CASES)
def test_empty_input_is_empty_text(data: bytes, encoding: str | None) -> None:
    assert decode_bytes(data, encoding) == ""


# --- read_source -------------------------------------------------------------

def test_read_source_missing_file(tmp_path: Path) -> None:
    name = str(tmp_path / "missing.txt")
    with pytest.raises(InputError) as caught:
        read_source(name)
    assert str(caught.value) == f"no such file: {name}"
    assert caught.value.source == name


def test_read_source_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_source(str(tmp_path))
    assert str(caught.value) == f"{tmp_path} is a directory, not a report file"
    assert caught.value.source == str(tmp_path)


def test_read_source_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(b"1")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as caught:
        read_source(str(path))
    assert str(caught.value) == f"permission denied: cannot read {path}"
    assert caught.value.source == str(path)


def test_read_source_empty_name() -> None:
    with pytest.raises(InputError, match="no report file named"):
        read_source("")


def test_read_source_name_with_newline_stays_one_line(tmp_path: Path) -> None:
    name = str(tmp_path / "two\nlines.txt")
    with pytest.raises(InputError) as caught:
        read_source(name)
    assert "\n" not in str(caught.value)


READ_FILE_CASES = [
    pytest.param("gb18030", None, id="guessed-gb18030"),
    pytest.param("big5", None, id="guessed-big5"),
    pytest.param("utf-16-le", None, id="guessed-utf-16-le"),
    pytest.param("big5", "big5", id="forced-big5"),
]


@pytest.mark.parametrize(("written", "encoding"), READ_FILE_CASES)
def test_read_source_real_file(tmp_path: Path, written: str, encoding: str | None) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(LONG_TRADITIONAL.encode(written))
    assert read_source(str(path), encoding) == LONG_TRADITIONAL


def test_read_source_binary_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    with pytest.raises(InputError, match="looks like binary data") as caught:
        read_source(str(path))
    assert str(path) in str(caught.value)
    assert caught.value.source == str(path)


STDIN_CASES = [
    pytest.param(SHORT_SIMPLIFIED.encode("gb18030"), None, SHORT_SIMPLIFIED, id="gb18030"),
    pytest.param(LONG_SIMPLIFIED.encode("utf-8"), None, LONG_SIMPLIFIED, id="utf-8-with-crlf"),
    pytest.param(SHORT_TRADITIONAL.encode("big5"), "big5", SHORT_TRADITIONAL, id="forced-big5"),
]


@pytest.mark.parametrize(("data", "encoding", "text"), STDIN_CASES)
def test_read_source_dash_reads_stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes,
                                            encoding: str | None, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert read_source("-", encoding) == text


def test_read_source_dash_binary_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"%PDF-1.4\n")))
    with pytest.raises(InputError, match="standard input .* looks like binary data") as caught:
        read_source("-")
    assert caught.value.source == "-"


# --- properties ----------------------------------------------------------------

REPORT_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("0123456789.,%()-:;/ \n，。、：；（）％"),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(REPORT_TEXT)
def test_utf8_report_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text


@settings(max_examples=200, deadline=None)
@given(REPORT_TEXT, st.sampled_from(["gb18030", "big5", "utf-16-le", "utf-16-be"]))
def test_other_encodings_decode_or_raise_input_error(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="ignore")
    try:
        assert isinstance(decode_bytes(data), str)
    except InputError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except InputError:
        pass
