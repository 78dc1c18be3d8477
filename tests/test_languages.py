"""Languages: names and codes, detection by default, and each language's own analysis."""

from __future__ import annotations

import pytest

from summarizer import LANGUAGES, InvalidOptionError, Summarizer, split_sentences, summarize
from summarizer.document import Document
from summarizer.languages import get_language, resolve_language
from summarizer.text import get_analyzer

GERMAN = (
    "Die Stadtverwaltung hat am Dienstag den Bau einer neuen Bibliothek beschlossen. "
    "Die Bibliothek ersetzt das alte Gebäude, das nach einem Brand geschlossen wurde. "
    "Die Kosten der neuen Bibliothek werden auf vierzig Millionen Euro geschätzt. "
    "Die Schulen der Stadt begrüßten die Entscheidung der Verwaltung ausdrücklich."
)
RUSSIAN = (
    "Городской совет во вторник решил построить новую библиотеку в центре города. "
    "Новая библиотека заменит старое здание, которое закрыли после пожара. "
    "Стоимость строительства библиотеки оценивается в сорок миллионов рублей. "
    "Школы города приветствовали решение совета о строительстве."
)
CHINESE = (
    "市议会周二决定在市中心建设一座新的图书馆。"
    "新图书馆将取代火灾后关闭的旧馆。"
    "建设新图书馆的费用估计为四千万元。"
    "本市的学校欢迎议会的这一决定。"
)
ARABIC = (
    "قرر مجلس المدينة يوم الثلاثاء بناء مكتبة جديدة في وسط المدينة. "
    "ستحل المكتبة الجديدة محل المبنى القديم الذي أغلق بعد الحريق. "
    "تقدر تكلفة بناء المكتبة بأربعين مليون دولار. "
    "رحبت مدارس المدينة بقرار المجلس."
)
TEXTS = {"de": GERMAN, "ru": RUSSIAN, "zh": CHINESE, "ar": ARABIC}


def test_codes_and_english_names_in_any_case():
    assert len(LANGUAGES) == 20 and "en" in LANGUAGES and "zh" in LANGUAGES
    assert resolve_language("German") == resolve_language(" de ") == "de"
    assert resolve_language("norwegian") == resolve_language("nb") == "no"
    assert get_language("ja").stemmer is None and get_language("ru").script == "cyrillic"
    for bad in ("klingon", "", None, 3, "deu"):
        with pytest.raises(InvalidOptionError, match=r"choose one of: ar \(arabic\)") as info:
            resolve_language(bad)
        assert info.value.option == "language"


@pytest.mark.parametrize("code", ["ar", "de", "ru", "zh"])
def test_a_summary_uses_its_languages_stop_words_and_stemmer(code):
    text = TEXTS[code]
    summary = summarize(text, sentences=2)
    assert summary.language == code and summary.detection.reliable
    assert len(summary) == 2 and summary.n_sentences == 4
    analyzer = get_analyzer(code)
    document = Document(text, [(s.start, s.end) for s in split_sentences(text, code)], analyzer)
    terms = set(document.vectors.terms)
    assert terms and not terms & analyzer.stop_words  # no stop word is a term
    english = set(get_analyzer("en").terms(text))
    assert terms != english  # the English analysis would differ
    if code == "zh":
        assert {"图书", "书馆"} <= terms  # character bigrams
    else:
        stem = get_language(code).stemmer
        word = {"de": "Bibliothek", "ru": "библиотеку", "ar": "المكتبة"}[code]
        assert analyzer.terms(word)[0] in terms, stem


def test_an_explicit_language_is_used_and_reported():
    summary = summarize(GERMAN, sentences=1, language="german")
    assert summary.language == "de" and summary.detection is None
    assert summary.to_dict()["language_detection"] is None
    auto = summarize(GERMAN, sentences=1).to_dict()["language_detection"]
    assert auto["language"] == "de" and auto["reliable"] and auto["reason"] == "model"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("12:30 4.5 %", "empty"),
        ("Hi there.", "too short"),
        (
            "Der Vertrag wurde gestern unterzeichnet und tritt morgen in Kraft. "
            "Городской совет во вторник решил построить новую библиотеку.",
            "mixed",
        ),
    ],
)
def test_undetectable_text_falls_back_to_english_and_says_so(text, reason):
    summary = summarize(text, sentences=1)
    assert summary.language == "en"
    assert summary.detection is not None and not summary.detection.reliable
    assert summary.detection.reason == reason


def test_a_summarizer_detects_each_text_or_keeps_its_language():
    auto = Summarizer()
    assert [auto.summarize(t, 1).language for t in (GERMAN, RUSSIAN)] == ["de", "ru"]
    fixed = Summarizer(language="ru")
    assert fixed.summarize(GERMAN, 1).language == "ru"
    fitted = Summarizer().fit([GERMAN, RUSSIAN, CHINESE])
    assert fitted.frequencies.n_documents == 3
    assert fitted.summarize(CHINESE, 1).language == "zh"


def test_saved_language_round_trips(tmp_path):
    path = tmp_path / "state.json"
    Summarizer(language="Japanese").save(path)
    assert Summarizer.load(path).language == "ja"
    Summarizer().save(path)
    assert Summarizer.load(path).language is None
