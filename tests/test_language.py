"""therapon_check.language: the helpers checker authors use on written practice, its word lists,
and the wheel that carries those word lists to the browser."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest

import therapon_check
from therapon.wheel import DIST_NAME, build_wheel
from therapon_check import language, written
from therapon_check.language import (
    LEVELS,
    Feedback,
    IStatement,
    absolutes,
    advice,
    blame,
    feelings,
    i_statement,
    interpretations,
    is_question,
    judgements,
    needs,
    normalise,
    questions,
    sentences,
    word_count,
    words,
    you_statements,
)
from therapon_check.matching import compile_entry, compile_full, lexicon_phrases
from therapon_check.phrases import lexicon
from therapon_check.reading import Reading

PACKAGE_DIR = Path(therapon_check.__file__).parent
SOURCE_NOTE = ("# Written by the Therapon authors for this course (CC BY-SA 4.0); common English words, "
               "not copied from any published inventory.")
FINDERS = {"feelings": feelings, "interpretations": interpretations, "needs": needs, "judgements": judgements}


def cases(*rows):
    """pytest.param rows whose first item is the test id."""
    return [pytest.param(*row[1:], id=row[0]) for row in rows]


# --- normalising and splitting ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", cases(
    ("lower-case", "I Feel SAD", "i feel sad"),
    ("curly-apostrophes", "You’re ‘late’ ʼ ′", "you're 'late' ' '"),
    ("curly-double-quotes", "“Never” „ever”", '"never" "ever"'),
    ("en-and-em-dashes", "late–again—really", "late - again - really"),
    ("whitespace-collapsed", "  I\tfeel\n\n sad \u00a0 ", "i feel sad"),
    ("nfkc-full-width-and-ligature", "Ｉ feel ﬁne", "i feel fine"),
    ("empty", "", ""),
))
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("punctuation-removed", "Sad, hurt; tired!", ["sad", "hurt", "tired"]),
    ("capitals", "YOU Never", ["you", "never"]),
    ("you-are", "you're", ["you", "are"]),
    ("curly-you-are", "You’re", ["you", "are"]),
    ("do-not", "don't", ["do", "not"]),
    ("curly-do-not", "Don’t", ["do", "not"]),
    ("can-not", "can't", ["can", "not"]),
    ("cannot", "cannot", ["can", "not"]),
    ("will-not", "won't", ["will", "not"]),
    ("i-am", "I'm", ["i", "am"]),
    ("it-is", "it's", ["it", "is"]),
    ("that-is", "that's", ["that", "is"]),
    ("have", "you've i've", ["you", "have", "i", "have"]),
    ("are", "we're they're", ["we", "are", "they", "are"]),
    ("generic-nt", "isn't aren't wasn't weren't didn't doesn't haven't hasn't",
     ["is", "not", "are", "not", "was", "not", "were", "not", "did", "not", "does", "not", "have", "not",
      "has", "not"]),
    ("modal-nt", "shouldn't wouldn't couldn't needn't",
     ["should", "not", "would", "not", "could", "not", "need", "not"]),
    ("would-and-will", "I'd you'd I'll you'll", ["i", "would", "you", "would", "i", "will", "you", "will"]),
    ("let-us", "Let's talk", ["let", "us", "talk"]),
    ("possessive-dropped", "Sam's phone", ["sam", "phone"]),
    ("possessive-of-hyphenated", "my mother-in-law's house", ["my", "mother-in-law", "house"]),
    ("no-apostrophe-typed", "dont youre im didnt", ["do", "not", "you", "are", "i", "am", "did", "not"]),
    ("its-without-apostrophe-is-a-word", "its lets ill", ["its", "lets", "ill"]),
    ("hyphenated-kept", "I felt left-out", ["i", "felt", "left-out"]),
    ("digits-kept", "3 times in 2024", ["3", "times", "in", "2024"]),
    ("quotes-removed", "“Never,” she said.", ["never", "she", "said"]),
    ("single-quotes-removed", "'always' late", ["always", "late"]),
    ("name-with-apostrophe", "O'Brien", ["o'brien"]),
    ("accents", "Crème brûlée", ["crème", "brûlée"]),
    ("empty", "  ", []),
))
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("plain", "I feel sad", 3),
    ("contraction-is-one-word", "I don't feel heard.", 4),
    ("hyphenated-is-one-word", "left-out", 1),
    ("possessive", "Sam's mother-in-law", 2),
    ("punctuation-only", "?! - …", 0),
    ("empty", "", 0),
))
def test_word_count(text, expected):
    assert word_count(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("two", "I'm tired. You're late!", ["I'm tired.", "You're late!"]),
    ("question", "Why? Because I care.", ["Why?", "Because I care."]),
    ("casing-kept", "you NEVER call. OK", ["you NEVER call.", "OK"]),
    ("decimal-not-split", "It took 3.5 hours.", ["It took 3.5 hours."]),
    ("no-space-after-full-stop", "I'm tired.You never help.", ["I'm tired.", "You never help."]),
    ("newlines", "first line\nsecond line\n\n", ["first line", "second line"]),
    ("ellipsis-and-mixed-marks", "Wait... what?!", ["Wait...", "what?!"]),
    ("closing-quote-kept", "“Stop!” I said.", ["“Stop!”", "I said."]),
    ("punctuation-only-dropped", "?! ... .", []),
    ("empty", "", []),
))
def test_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("sentence, expected", cases(
    ("question-mark", "Are you okay?", True),
    ("question-mark-then-bang", "You did what?!", True),
    ("question-mark-inside-quotes", "You asked “why?”", True),
    ("why-without-mark", "Why do you always do this.", True),
    ("why-alone-without-mark", "Why", False),
    ("wh-with-auxiliary", "What are we doing", True),
    ("how-come", "How come you never call", True),
    ("auxiliary-and-subject", "Do you love me", True),
    ("auxiliary-not-subject", "Don't you care", True),
    ("filler-first", "So why are you angry", True),
    ("when-clause-is-a-statement", "When you are late, I worry.", False),
    ("what-clause-is-a-statement", "What you said hurt me.", False),
    ("imperative-do", "Do the dishes.", False),
    ("statement", "I wonder why.", False),
    ("empty", "", False),
))
def test_is_question(sentence, expected):
    assert is_question(sentence) is expected


def test_questions_keeps_the_sentences_as_written():
    text = "I'm tired. Why are you late? Please call. Can we talk"
    assert questions(text) == ["Why are you late?", "Can we talk"]


@pytest.mark.parametrize("text, expected", cases(
    ("you-first", "You never help. I feel tired.", ["You never help."]),
    ("contraction", "You’re late! I worry.", ["You’re late!"]),
    ("your-is-not-you", "Your phone is loud.", []),
    ("you-later-in-sentence", "I miss you.", []),
    ("several", "You forgot. You always forget.", ["You forgot.", "You always forget."]),
))
def test_you_statements(text, expected):
    assert you_statements(text) == expected


# --- lexicons ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", cases(
    ("one", "I feel LONELY.", ["lonely"]),
    ("several-in-order", "I’m sad, hurt and a bit anxious", ["sad", "hurt", "anxious"]),
    ("no-duplicates", "I felt sad, so sad.", ["sad"]),
    ("phrase", "I'm fed up and on edge", ["fed up", "on edge"]),
    ("phrase-with-space", "I felt left out", ["left out"]),
    ("phrase-with-hyphen", "I felt left-out", ["left out"]),
    ("hyphenated-entry-with-space", "I feel self conscious", ["self-conscious"]),
    ("inflection", "I'm hurting", ["hurt"]),
    ("inflection-found", "It hurts", ["hurt"]),
    ("texting-and-a-typo", "i feel so lonley", ["lonely"]),
    ("adverb-is-not-a-feeling", "Sadly, we argued again", []),
    ("interpretation-is-not-a-feeling", "I feel ignored", []),
    ("imperative-is-not-a-feeling", "Calm down!", []),
    ("calm-is-a-feeling", "I feel calm", ["calm"]),
    ("phrase-entry-wins-over-blocker", "I feel at peace", ["at peace"]),
    ("need-is-not-a-feeling", "I need time alone", []),
    ("negation-is-the-detectors-job", "I'm not angry", ["angry"]),
    ("not-across-a-sentence", "Me. Too tired.", ["tired"]),
    ("none", "We should talk about the bills", []),
))
def test_feelings(text, expected):
    assert feelings(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("ignored", "I feel ignored", ["ignored"]),
    ("phrase", "I feel taken for granted and let down", ["taken for granted", "let down"]),
    ("curly-and-capitals", "I’ve felt REJECTED", ["rejected"]),
    ("used-to-is-not-used", "I used to be happy", []),
    ("feeling-is-not-an-interpretation", "I feel lonely", []),
))
def test_interpretations(text, expected):
    assert interpretations(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("one", "because I need rest", ["rest"]),
    ("the-rest-of", "for the rest of the evening", []),
    ("phrase", "because I need to be heard", ["to be heard"]),
    ("two-phrases", "We need quality time, and time together.", ["quality time", "time together"]),
    ("phrase-beats-its-words", "I need peace and quiet", ["peace and quiet"]),
    ("cannot-help-it", "I can't help it", []),
    ("blocker-stops-at-punctuation", "Can you help? It's heavy.", ["help"]),
    ("feeling-phrase-is-not-a-need", "I felt at peace", []),
    ("none", "I feel sad", []),
))
def test_needs(text, expected):
    assert needs(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("two", "You're so lazy and selfish!", ["lazy", "selfish"]),
    ("phrase", "Stop being a control freak", ["control freak"]),
    ("hyphenated", "so passive-aggressive", ["passive-aggressive"]),
    ("hyphenated-entry-written-with-space", "so passive aggressive", ["passive-aggressive"]),
    ("mean-as-a-label", "You’re being mean", ["being mean"]),
    ("mean-said-of-an-act", "That was so mean.", ["was so mean"]),
    ("mean-as-a-verb", "What do you mean? I didn't mean to.", []),
    ("mean-as-what-it-means", "Tell me what the coast would mean for you.", []),
    ("crazy-about-you", "I'm crazy about you", []),
    ("a-cold", "I caught a cold", []),
    ("none", "I feel hurt", []),
))
def test_judgements(text, expected):
    assert judgements(text) == expected


# --- phrases -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", cases(
    ("never", "You NEVER help", ["never"]),
    ("two-in-order", "Every time, all the time!", ["every time", "all the time"]),
    ("longest-phrase", "every single time", ["every single time"]),
    ("constantly", "You’re constantly late", ["constantly"]),
    ("always-once", "always, always", ["always"]),
    ("nevertheless-is-not-never", "Nevertheless, we argued", []),
    ("none", "You were late on Tuesday", []),
))
def test_absolutes(text, expected):
    assert absolutes(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("contraction", "It’s your fault", ["it is your fault"]),
    ("your-fault-alone", "It was all your fault", ["your fault"]),
    ("made-me", "You made me do it", ["you made me"]),
    ("make-me", "You make me so angry", ["you made me"]),  # one entry finds every form of the verb
    ("because-of-you", "We're late because of you.", ["because of you"]),
    ("did-this", "You did this!", ["you did this"]),
    ("always-and-never", "You always forget and you never call", ["you always", "you never"]),
    ("not-the-other-way", "I made you dinner", []),
    ("faults-is-not-fault", "We all have our faults, your faults too", []),
))
def test_blame(text, expected):
    assert blame(text) == expected


@pytest.mark.parametrize("text, expected", cases(
    ("should", "You should just relax", ["you should"]),
    ("should-not-is-still-advice", "You shouldn't worry", ["you should"]),
    ("why-dont-you", "Why don’t you call her?", ["why do not you"]),
    ("why-dont-you-no-apostrophe", "why dont you call her", ["why do not you"]),
    ("if-i-were-you", "If I were you, I'd leave", ["if i were you"]),
    ("have-you-tried", "Have you tried talking to her?", ["have you tried"]),
    ("longest-phrase-only", "What you should do is rest", ["what you should do"]),
    ("need-to-and-must", "You need to rest. You must stop.", ["you need to", "you must"]),
    ("ought-and-have-to", "You ought to know, you have to", ["you ought to", "you have to"]),
    ("i-should-is-not-advice", "I should have called", []),
    ("just-is-not-advice", "Just relax", []),
    ("justice", "Justice matters to me", []),
))
def test_advice(text, expected):
    assert advice(text) == expected


# --- I-statements ------------------------------------------------------------------------------

I_STATEMENT_FIELDS = "text, starts_with_i, feeling, has_feel, has_when, has_because, need, complete"


@pytest.mark.parametrize(I_STATEMENT_FIELDS, cases(
    ("template", "I feel lonely when we eat in silence, because I need connection.",
     True, "lonely", True, True, True, "connection", True),
    ("observation-first", "When you check your phone at dinner, I feel hurt because I need your attention.",
     False, "hurt", True, True, True, "attention", True),
    ("feel-like-is-a-thought", "I feel like you never listen to me.",
     True, None, True, False, False, None, False),
    ("interpretation-not-feeling", "I feel ignored when you're on your phone.",
     True, None, True, True, False, None, False),
    ("you-statement", "You never listen to me!",
     False, None, False, False, False, None, False),
    ("no-feel-word", "I'm so tired when I get home and the kitchen is a mess.",
     True, "tired", False, True, False, None, False),
    ("whenever-and-since", "I've been feeling anxious whenever you come home late, since I need to know "
     "you're safe.", True, "anxious", True, True, True, None, True),
    ("no-reason", "I felt really disappointed when you cancelled our plans at the last minute.",
     True, "disappointed", True, True, False, None, False),
    ("curly-negated-feel", "I don’t feel heard when you interrupt me, and I need respect.",
     True, None, True, True, False, "respect", False),
    ("feel-after-be", "Honestly I’m exhausted. I feel overwhelmed when the house is chaotic, as I need rest.",
     False, "overwhelmed", True, True, True, "rest", True),
    ("partner-feeling-first", "You were angry yesterday, and I feel afraid when you raise your voice.",
     False, "afraid", True, True, False, None, False),
    ("texting-style", "i feel left out when u go out w/o me bc i need time together",
     True, "left out", True, True, True, "time together", True),
    ("empty", "", False, None, False, False, False, None, False),
))
def test_i_statement(text, starts_with_i, feeling, has_feel, has_when, has_because, need, complete):
    statement = i_statement(text)
    assert statement == IStatement(starts_with_i, feeling, has_feel, has_when, has_because, need)
    assert statement.complete is complete


def test_i_statement_is_frozen():
    with pytest.raises(AttributeError):
        i_statement("I feel sad").feeling = "happy"  # type: ignore[misc]


# --- Feedback ----------------------------------------------------------------------------------

def test_feedback_collects_observations_in_order():
    feedback = Feedback()
    assert feedback.good("names-a-feeling", "You named a feeling.") is feedback
    feedback.tip("add-a-need", "Say what you need.").concern("blame", "“You made me” puts it on them.")
    assert feedback.ids == ["names-a-feeling", "add-a-need", "blame"]
    assert feedback.result(meets_goal=False) == {
        "meets_goal": False,
        "observations": [
            {"id": "names-a-feeling", "level": "good", "message": "You named a feeling."},
            {"id": "add-a-need", "level": "tip", "message": "Say what you need."},
            {"id": "blame", "level": "concern", "message": "“You made me” puts it on them."},
        ],
    }
    assert LEVELS == ("good", "tip", "concern")


def test_feedback_result_is_a_copy():
    feedback = Feedback().good("ok", "Well said.")
    result = feedback.result(True)
    result["observations"][0]["message"] = "changed"
    feedback.tip("more", "One more thing.")
    assert feedback.result(True)["observations"][0]["message"] == "Well said."
    assert Feedback().result(True) == {"meets_goal": True, "observations": []}


def test_feedback_results_are_what_the_text_runner_accepts():
    """Whatever Feedback builds passes written.py's shape check, with the same levels."""
    assert LEVELS == written.LEVELS
    feedback = Feedback().good("a1", "Yes.").tip("b-2-c", "Maybe.").concern("d", "Careful.")
    assert written.shape_problem(feedback.result(True)) is None


@pytest.mark.parametrize("id_, message, error", cases(
    ("empty-id", "", "A message.", "lower-case letters and digits joined by hyphens"),
    ("capitals", "Names", "A message.", "'Names'"),
    ("space", "has space", "A message.", "joined by hyphens"),
    ("underscore", "a_b", "A message.", "joined by hyphens"),
    ("leading-hyphen", "-a", "A message.", "joined by hyphens"),
    ("double-hyphen", "a--b", "A message.", "joined by hyphens"),
    ("not-a-string-id", 5, "A message.", "5"),
    ("empty-message", "ok", "", "needs a message"),
    ("blank-message", "ok", "  \n", "needs a message"),
    ("not-a-string-message", "ok", None, "needs a message"),
))
@pytest.mark.parametrize("level", LEVELS)
def test_feedback_rejects_bad_ids_and_messages(level, id_, message, error):
    feedback = Feedback()
    with pytest.raises(ValueError, match=error):
        getattr(feedback, level)(id_, message)
    assert feedback.ids == []


def test_feedback_result_needs_a_bool():
    with pytest.raises(TypeError, match="True or False"):
        Feedback().result("yes")  # type: ignore[arg-type]


def test_feedback_is_exported_by_the_package():
    assert therapon_check.Feedback is Feedback
    assert "Feedback" in therapon_check.__all__


# --- the word lists ----------------------------------------------------------------------------

def lexicon_lines(name: str) -> list[str]:
    return files("therapon_check").joinpath(f"lexicon/{name}.txt").read_text(encoding="utf-8").splitlines()


ALL_LEXICONS = sorted(p.stem for p in (PACKAGE_DIR / "lexicon").glob("*.txt"))
PAIRS = ("spellings", "texting", "regional")  # "word = other form" tables, not phrase lists
MARKUP = set(" -'\"!^*.")  # what matching.py reads in an entry: exact words, lookahead, clause start…


@pytest.mark.parametrize("name", ALL_LEXICONS)
def test_lexicon_file_is_well_formed(name):
    lines = lexicon_lines(name)
    assert lines[0] == SOURCE_NOTE
    entries = lexicon(name)
    assert len(entries) >= 5
    assert len(entries) == len(set(entries)), [e for e in entries if entries.count(e) > 1]
    for entry in entries:
        assert entry == entry.lower(), entry
        if name in PAIRS:
            assert " = " in entry, entry
            continue
        assert all(char.isalnum() or char in MARKUP or not char.isascii() for char in entry), entry
        assert compile_entry(entry), entry


@pytest.mark.parametrize("name", [n for n in ALL_LEXICONS if n not in (*PAIRS, "not-matches", "fillers")])
def test_every_entry_is_found_by_the_matcher(name):
    """No entry is hidden by a longer entry, or by a phrase in not-matches.txt that is never a match."""
    phrases = lexicon_phrases(name)
    missed = []
    for entry in lexicon(name):
        label = compile_full(entry).label.replace("...", "it").replace("*", "it")
        if [f.entry for f in phrases.find(Reading(f"Well, {label}."))] != [compile_full(entry).label]:
            missed.append(entry)
    assert missed == []


def test_sizes_match_the_brief():
    assert 120 <= len(lexicon("feelings")) <= 300  # room for the words couples use, not a thesaurus
    assert 60 <= len(lexicon("needs")) <= 100
    assert 25 <= len(lexicon("interpretations"))
    assert 50 <= len(lexicon("judgements"))


def test_each_word_gets_one_kind_of_feedback():
    feeling_words = set(lexicon("feelings"))
    assert feeling_words.isdisjoint(lexicon("interpretations"))
    assert feeling_words.isdisjoint(lexicon("judgements"))
    assert set(lexicon("interpretations")).isdisjoint(lexicon("judgements"))


def test_language_module_stays_small_and_public_api_is_exact():
    assert len((PACKAGE_DIR / "language.py").read_text().splitlines()) <= 250
    assert set(language.__all__) == {
        "LEVELS", "Feedback", "IStatement", "absolutes", "advice", "blame", "blaming", "detect", "feelings",
        "find", "i_statement", "interpretations", "is_question", "judgements", "needs", "normalise",
        "questions", "quoted", "sentences", "word_count", "words", "you_statements"}


# --- the wheel carries the word lists ----------------------------------------------------------

def wheel_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_wheel_includes_every_lexicon_file():
    wheel = build_wheel(PACKAGE_DIR)
    members = wheel_members(wheel.data)
    for path in sorted((PACKAGE_DIR / "lexicon").iterdir()):
        assert members[f"{DIST_NAME}/lexicon/{path.name}"] == path.read_bytes()
    assert {f"{DIST_NAME}/language.py", f"{DIST_NAME}/phrases.py"} <= set(members)
    names = [name for name in members if name.startswith(f"{DIST_NAME}/lexicon/")]
    # every word list, and the table compiled from them (compiled.py)
    lists = [name for name in names if name.endswith(".txt")]
    assert names == sorted(names) and len(lists) == len(ALL_LEXICONS)
    assert f"{DIST_NAME}/lexicon/compiled.json" in names


def test_wheel_ignores_litter_and_notices_a_changed_word_list(tmp_path):
    copy = tmp_path / DIST_NAME
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = build_wheel(copy)
    (copy / "lexicon" / ".feelings.txt.swp").write_text("editor litter")
    (copy / "lexicon" / "__pycache__").mkdir()
    (copy / "lexicon" / "__pycache__" / "x.pyc").write_bytes(b"cache")
    assert build_wheel(copy) == before
    with (copy / "lexicon" / "feelings.txt").open("a") as lexicon_file:
        lexicon_file.write("serene\n")
    assert build_wheel(copy).version != before.version


@pytest.mark.parametrize("unpacked", [True, False], ids=["unpacked-like-pyodide", "zipped"])
def test_word_lists_load_from_the_installed_wheel(tmp_path, unpacked):
    """A fresh interpreter that only sees the wheel, as the browser does, finds the word lists."""
    wheel = build_wheel(PACKAGE_DIR)
    wheel_path = tmp_path / wheel.filename
    wheel_path.write_bytes(wheel.data)
    site = tmp_path / "site"
    if unpacked:
        with zipfile.ZipFile(wheel_path) as archive:
            archive.extractall(site)
    location = site if unpacked else wheel_path
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import therapon_check.language as l; "
              "assert l.__file__.startswith(sys.argv[1]), l.__file__; "
              "print(l.feelings('I feel left-out'), l.needs('I need rest'), l.judgements('so lazy'), "
              "l.interpretations('I feel ignored'))")
    run = subprocess.run([sys.executable, "-I", "-c", script, str(location)], capture_output=True,
                         text=True, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['left out'] ['rest'] ['lazy'] ['ignored']"
