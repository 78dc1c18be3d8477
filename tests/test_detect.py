"""summarizer.detect: the 20 languages, the fallbacks, determinism and bounded cost."""

from __future__ import annotations

import time
import unicodedata

import pytest

from summarizer import detect
from summarizer.detect import DEFAULT_LANGUAGE, LANGUAGES, Detection, detect_language
from summarizer.errors import InvalidInputError, InvalidOptionError

# Two sentences per language, written for these tests.
SENTENCES = {
    "ar": (
        "ذهب الأطفال إلى المدرسة في الصباح الباكر، ثم عادوا إلى البيت بعد الظهر.",
        "يعمل والدي في مستشفى كبير في وسط المدينة منذ أكثر من عشرين عاما.",
    ),
    "cs": (
        "Včera večer jsme šli do divadla a potom jsme seděli v malé kavárně u řeky.",
        "Můj otec pracuje už více než dvacet let ve velké nemocnici v centru města.",
    ),
    "da": (
        "Vi tog toget til København i går, og efter frokost gik vi en lang tur langs havnen.",
        "Min far har arbejdet på et stort hospital i midten af byen i mere end tyve år.",
    ),
    "de": (
        "Gestern Abend sind wir ins Theater gegangen und danach lange im Café am Fluss gesessen.",
        "Mein Vater arbeitet seit mehr als zwanzig Jahren in einem großen Krankenhaus.",
    ),
    "el": (
        "Χθες το βράδυ πήγαμε στο θέατρο και μετά καθίσαμε σε ένα μικρό καφέ δίπλα στο ποτάμι.",
        "Ο πατέρας μου δουλεύει σε ένα μεγάλο νοσοκομείο στο κέντρο της πόλης.",
    ),
    "en": (
        "Yesterday evening we went to the theatre, and afterwards we sat in a small café.",
        "My father has worked at a large hospital in the city centre for more than twenty years.",
    ),
    "es": (
        "Ayer por la noche fuimos al teatro y después nos quedamos en un pequeño café del río.",
        "Mi padre trabaja desde hace más de veinte años en un gran hospital del centro.",
    ),
    "fi": (
        "Eilen illalla menimme teatteriin, ja sen jälkeen istuimme pienessä kahvilassa.",
        "Isäni on työskennellyt yli kaksikymmentä vuotta suuressa sairaalassa.",
    ),
    "fr": (
        "Hier soir, nous sommes allés au théâtre, puis nous sommes restés dans un petit café.",
        "Mon père travaille depuis plus de vingt ans dans un grand hôpital du centre-ville.",
    ),
    "hi": (
        "कल शाम हम थिएटर गए और उसके बाद नदी के किनारे एक छोटे कैफ़े में देर तक बैठे रहे।",
        "मेरे पिता बीस साल से अधिक समय से शहर के एक बड़े अस्पताल में काम करते हैं।",
    ),
    "it": (
        "Ieri sera siamo andati a teatro e poi siamo rimasti a lungo in un piccolo caffè.",
        "Mio padre lavora da più di vent'anni in un grande ospedale del centro città.",
    ),
    "ja": (
        "昨日の夜、私たちは劇場に行き、その後川のそばの小さな喫茶店で長い間座っていました。",
        "父は二十年以上、町の中心にある大きな病院で働いています。",
    ),
    "nl": (
        "Gisteravond zijn we naar het theater gegaan en daarna hebben we lang in een café gezeten.",
        "Mijn vader werkt al meer dan twintig jaar in een groot ziekenhuis in de stad.",
    ),
    "no": (
        "I går kveld gikk vi på teater, og etterpå satt vi lenge på en liten kafé ved elva.",
        "Faren min har jobbet på et stort sykehus midt i byen i mer enn tjue år.",
    ),
    "pl": (
        "Wczoraj wieczorem poszliśmy do teatru, a potem długo siedzieliśmy w małej kawiarni.",
        "Mój ojciec od ponad dwudziestu lat pracuje w dużym szpitalu w centrum miasta.",
    ),
    "pt": (
        "Ontem à noite fomos ao teatro e depois ficámos muito tempo num pequeno café junto ao rio.",
        "O meu pai trabalha há mais de vinte anos num grande hospital no centro da cidade.",
    ),
    "ru": (
        "Вчера вечером мы пошли в театр, а потом долго сидели в маленьком кафе у реки.",
        "Мой отец уже больше двадцати лет работает в большой больнице в центре города.",
    ),
    "sv": (
        "I går kväll gick vi på teater, och efteråt satt vi länge på ett litet kafé vid älven.",
        "Min pappa har arbetat på ett stort sjukhus mitt i staden i mer än tjugo år.",
    ),
    "tr": (
        "Dün akşam tiyatroya gittik, sonra da nehrin kenarındaki küçük bir kafede oturduk.",
        "Babam yirmi yılı aşkın süredir şehir merkezindeki büyük bir hastanede çalışıyor.",
    ),
    "zh": (
        "昨天晚上我们去了剧院，然后在河边的一家小咖啡馆里坐了很长时间。",
        "我父亲在市中心的一家大医院工作了二十多年。",
    ),
}

EN_PARAGRAPH = (
    "The committee met on Tuesday to discuss the new budget for the city schools. Most members "
    "agreed that the money should go to teachers and books, but a few wanted to repair the old "
    "buildings first. The final vote will take place next month, after the public has had time "
    "to comment on the plan."
)
FR_PARAGRAPH = (
    "Le comité s'est réuni mardi pour discuter du nouveau budget des écoles de la ville. La "
    "plupart des membres étaient d'accord pour que l'argent aille aux enseignants et aux livres, "
    "mais quelques-uns voulaient d'abord réparer les vieux bâtiments. Le vote final aura lieu "
    "le mois prochain, quand le public aura pu donner son avis."
)
RU_PARAGRAPH = (
    "Комитет собрался во вторник, чтобы обсудить новый бюджет городских школ. Большинство "
    "членов согласились, что деньги должны пойти учителям и на книги, но некоторые хотели "
    "сначала отремонтировать старые здания. Окончательное голосование пройдёт в следующем месяце."
)


def test_languages_are_the_twenty():
    assert len(LANGUAGES) == 20 and list(LANGUAGES) == sorted(LANGUAGES)
    assert DEFAULT_LANGUAGE in LANGUAGES
    model = detect._model()
    assert set(model.languages) == set(LANGUAGES) - {"ar", "el", "hi", "ja", "ru", "zh"}


def test_each_language_has_test_sentences():
    assert set(SENTENCES) == set(LANGUAGES)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_each_sentence_is_detected(lang):
    for sentence in SENTENCES[lang]:
        d = detect_language(sentence)
        assert (d.language, d.reliable, d.guess) == (lang, True, lang), (sentence, d)
        assert d.reason in ("script", "model")
        assert 0.5 < d.confidence <= 1.0


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_each_paragraph_is_detected(lang):
    d = detect_language(" ".join(SENTENCES[lang] * 3))
    assert (d.language, d.reliable) == (lang, True)


def test_danish_and_norwegian_apart():
    pairs = [
        ("Hvad skal vi gøre efter frokost i dag?", "Hva skal vi gjøre etter lunsj i dag?"),
        ("Jeg har ikke set ham siden sidste år.", "Jeg har ikke sett ham siden i fjor."),
        ("Bogen blev udgivet af et lille forlag.", "Boka ble utgitt av et lite forlag."),
    ]
    for da, no in pairs:
        assert detect_language(da).language == "da", da
        assert detect_language(no).language == "no", no


@pytest.mark.parametrize("text", ["", "   \n\t ", "1234567890", "3.14 + 2,71 = 5.85", "!?!...",
                                  "😀🎉👍", "#1, (2), [3] - 4% @ 5:00"])  # fmt: skip
def test_no_letters_falls_back(text):
    d = detect_language(text)
    assert d == Detection(language="en", confidence=0.0, reliable=False, guess=None, reason="empty")
    assert detect_language(text, default="fr").language == "fr"


@pytest.mark.parametrize("text", ["Hi", "ok", "Ja!", "Bonjour", "12 km"])
def test_very_short_text_falls_back(text):
    d = detect_language(text, default="de")
    assert (d.language, d.reliable, d.reason) == ("de", False, "too short")
    assert d.guess is not None


def test_short_text_in_a_script_of_one_language_is_still_decided():
    assert detect_language("Привет").language == "ru"
    assert detect_language("Καλημέρα").language == "el"
    assert detect_language("日本語です").language == "ja"
    assert detect_language("ab").reason == "too short"


def test_two_latin_languages_are_mixed():
    d = detect_language(EN_PARAGRAPH + "\n\n" + FR_PARAGRAPH, default="de")
    assert (d.language, d.reliable, d.reason) == ("de", False, "mixed")
    assert d.guess in ("en", "fr")
    long = (EN_PARAGRAPH + " ") * 40 + (FR_PARAGRAPH + " ") * 40  # the sample sees both
    assert detect_language(long).reason == "mixed"


def test_two_scripts_are_mixed():
    d = detect_language(EN_PARAGRAPH + "\n\n" + RU_PARAGRAPH)
    assert (d.reliable, d.reason) == (False, "mixed")


def test_a_quote_or_a_name_does_not_make_a_text_mixed():
    text = EN_PARAGRAPH + ' The mayor said: "Le vote aura lieu le mois prochain." ' + EN_PARAGRAPH
    assert detect_language(text).language == "en"
    assert detect_language("В 1979 году Франке основал Ars Electronica в Линце.").language == "ru"
    assert detect_language(FR_PARAGRAPH + " (The Outsider, New York Times)").language == "fr"
    assert detect_language("Va a 4º curso y su hermana a 1ª clase del colegio.").language == "es"
    assert detect_language("Novak Đoković ganó el partido en cinco sets.").language == "es"


def test_unsupported_scripts_and_languages():
    assert detect_language("오늘은 날씨가 아주 좋습니다").reason == "unsupported script"
    assert detect_language("שלום לכולם, מה שלומכם היום").reason == "unsupported script"
    uk = detect_language("Ми їздили до Києва, і це була чудова подорож для всієї родини.")
    assert (uk.reliable, uk.guess, uk.reason) == (False, "ru", "unsupported language")
    fa = detect_language("من دیروز به کتابخانه رفتم و چند کتاب خوب پیدا کردم که بسیار جالب بودند.")
    assert (fa.reliable, fa.guess, fa.reason) == (False, "ar", "unsupported language")
    vi = "Hôm qua chúng tôi đi xem hát, sau đó ngồi rất lâu trong một quán cà phê nhỏ bên sông."
    assert detect_language(vi).reason == "unsupported language"
    ro = "Ieri seară am mers la teatru, apoi am stat mult timp într-o cafenea mică lângă râu."
    assert detect_language(ro).reason == "unsupported language"


def test_han_without_kana_is_chinese_and_with_kana_japanese():
    assert detect_language("我们明天早上八点在学校门口见面。").language == "zh"
    assert detect_language("明日の朝八時に学校の前で会いましょう。").language == "ja"


def test_normalization_and_case_do_not_matter():
    text = SENTENCES["fr"][0]
    assert detect_language(unicodedata.normalize("NFD", text)) == detect_language(text)
    assert detect_language(text.upper()).language == "fr"
    assert detect_language("\ud800 " + text).language == "fr"  # a lone surrogate is no letter


def test_deterministic():
    texts = [s for pair in SENTENCES.values() for s in pair] + [EN_PARAGRAPH + FR_PARAGRAPH]
    first = [detect_language(t) for t in texts]
    assert [detect_language(t) for t in reversed(texts)] == first[::-1]


def test_bad_arguments_raise_typed_errors():
    with pytest.raises(InvalidInputError):
        detect_language(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        detect_language(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError):
        detect_language("text", default="english")
    with pytest.raises(InvalidOptionError):
        detect_language("text", default="ko")


def test_sample_is_bounded_and_sees_start_middle_and_end():
    text = "a" * 1000 + "b" * 1000 + "c" * 1000
    s = detect.sample(text)
    assert len(s) <= detect.SAMPLE_CHARS + 2
    assert s.startswith("a") and "b" in s and s.endswith("c")
    assert detect.sample("short text") == "short text"


@pytest.mark.parametrize("unit", ["a", " ", "word ", "Слово ", "字", SENTENCES["no"][0] + " "])
def test_ten_megabytes_cost_what_a_page_costs(unit):
    text = unit * (10_000_000 // len(unit))
    detect_language(text)  # warm up (loads the parameters)
    start = time.perf_counter()
    d = detect_language(text)
    assert time.perf_counter() - start < 0.05
    assert isinstance(d, Detection)


def test_parameter_file_round_trips():
    model = detect._model()
    assert model.lut.shape == (0x10000,)
    assert model.lut[ord("a")] == 1 and model.lut[ord("A")] == 1
    assert model.lut[ord("ж")] == detect.CYRILLIC and model.lut[ord("ї")] == detect.CYRILLIC_NOT_RU
    assert model.lut[ord(" ")] == 0 and model.lut[ord("7")] == 0
    raw = detect.write_arrays({"x": model.lut[:10], "y": model.lut[10:13].astype("<i4")})
    back = detect.read_arrays(raw)
    assert back["x"].tolist() == model.lut[:10].tolist()
    assert back["y"].dtype.str == "<i4"
    with pytest.raises(ValueError):
        detect.read_arrays(b"not a parameter file")
