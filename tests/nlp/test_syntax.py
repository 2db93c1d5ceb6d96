"""The syntax helpers on parses written by hand (words, heads, labels), so that a new spaCy
model can change what the parser says but not what these helpers make of a parse."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from tripwire.nlp.syntax import (
    Control,
    complement_subject,
    doer_of,
    entities_in,
    gerund_head,
    governing_verb,
    hyphen_prefix,
    hyphen_subject,
    is_passive,
    noun_phrase_head,
    own_subject,
    owner_of_gerund,
    passive_agent,
    prep_object,
    preposition_objects,
    subject_of,
)

VOCAB = spacy.blank("en").vocab


def parsed(rows: list[tuple[str, int, str, str]], tags: list[str] | None = None,
           spaces: list[bool] | None = None, ents: list[str] | None = None,
           lemmas: list[str] | None = None) -> Doc:
    """A Doc from (word, head index, label, POS) rows (a blank English vocabulary gives the
    words their lexical attributes: lower case, alphabetic ...)."""
    words, heads, deps, pos = (list(column) for column in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               spaces=spaces, ents=ents, lemmas=lemmas)


def test_a_verb_s_own_subject_and_never_a_dash() -> None:
    doc = parsed([("Stoltenberg", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB")])
    assert subject_of(doc[1]).text == "Stoltenberg"
    dash = parsed([("-", 1, "nsubj", "PUNCT"), ("said", 1, "ROOT", "VERB")])
    assert own_subject(dash[1]) is None


def test_a_coordinated_verb_borrows_its_subject() -> None:
    doc = parsed([("He", 1, "nsubj", "PRON"), ("added", 1, "ROOT", "VERB"),
                  ("and", 1, "cc", "CCONJ"), ("praised", 1, "conj", "VERB"),
                  ("NATO", 3, "dobj", "PROPN")])
    assert subject_of(doc[3]).text == "He"


def test_a_borrowed_name_beats_a_nearer_common_noun() -> None:
    # "Sanders said the process was messy, adding more"
    doc = parsed([("Sanders", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"),
                  ("the", 3, "det", "DET"), ("process", 4, "nsubj", "NOUN"),
                  ("was", 1, "ccomp", "AUX"), ("messy", 4, "acomp", "ADJ"),
                  (",", 4, "punct", "PUNCT"), ("adding", 4, "advcl", "VERB"),
                  ("more", 7, "dobj", "ADJ")])
    assert subject_of(doc[7]).text == "Sanders"
    assert subject_of(doc[7], steps=1).text == "process"


def test_a_participle_on_a_noun_speaks_for_the_noun_or_its_issuer() -> None:
    footage = parsed([("footage", 0, "ROOT", "NOUN"), ("of", 0, "prep", "ADP"),
                      ("Clinton", 1, "pobj", "PROPN"), ("asking", 2, "acl", "VERB")])
    assert subject_of(footage[3]).text == "Clinton"
    statement = parsed([("She", 1, "nsubj", "PRON"), ("issued", 1, "ROOT", "VERB"),
                        ("a", 3, "det", "DET"), ("statement", 1, "dobj", "NOUN"),
                        ("saying", 3, "acl", "VERB")])
    assert subject_of(statement[4]).text == "She"


def test_passives_and_their_agents() -> None:
    doc = parsed([("Protesters", 2, "nsubjpass", "NOUN"), ("were", 2, "auxpass", "AUX"),
                  ("arrested", 2, "ROOT", "VERB"), ("by", 2, "agent", "ADP"),
                  ("police", 3, "pobj", "NOUN")])
    assert is_passive(doc[2])
    assert passive_agent(doc[2]).text == "police"
    assert prep_object(doc[2], {"by"}).text == "police"
    sent = parsed([("troops", 0, "ROOT", "NOUN"), ("sent", 0, "acl", "VERB")],
                  tags=["NNS", "VBN"])
    assert is_passive(sent[1])
    active = parsed([("Police", 1, "nsubj", "NOUN"), ("arrested", 1, "ROOT", "VERB")])
    assert not is_passive(active[1]) and passive_agent(active[1]) is None


def test_objects_of_prepositions_in_text_order() -> None:
    doc = parsed([("Peru", 1, "nsubj", "PROPN"), ("met", 1, "ROOT", "VERB"),
                  ("with", 1, "prep", "ADP"), ("Chile", 2, "pobj", "PROPN"),
                  ("in", 1, "prep", "ADP"), ("Lima", 4, "pobj", "PROPN")])
    assert prep_object(doc[1], {"with"}).text == "Chile"
    assert [t.text for t in preposition_objects(doc[1], {"with", "in"})] == ["Chile", "Lima"]
    assert prep_object(doc[1], {"against"}) is None
    assert governing_verb(doc[5]).text == "met"


def test_a_gerund_hung_on_the_noun_before_it() -> None:
    # the parser reads "hurt in police firing" as "police" with a participle after it
    doc = parsed([("hurt", 0, "ROOT", "VERB"), ("in", 0, "prep", "ADP"),
                  ("police", 1, "pobj", "NOUN"), ("firing", 2, "acl", "VERB")],
                 tags=["VBN", "IN", "NN", "VBG"])
    assert gerund_head(doc[3]).text == "police"
    assert owner_of_gerund(doc[3], {"police"}).text == "police"
    assert owner_of_gerund(doc[3], {"army"}) is None
    assert gerund_head(doc[2]) is None


def test_a_split_hyphenated_word_and_a_noun_phrase_head() -> None:
    words = [("police", 3, "nsubj", "NOUN"), ("lathi", 3, "compound", "NOUN"),
             ("-", 3, "punct", "PUNCT"), ("charged", 3, "ROOT", "VERB")]
    assert hyphen_prefix(parsed(words, spaces=[True, False, False, False])[3]).text == "lathi"
    assert hyphen_prefix(parsed(words, spaces=[True, True, True, False])[3]) is None
    boss = parsed([("the", 2, "det", "DET"), ("NATO", 2, "compound", "PROPN"),
                   ("boss", 2, "ROOT", "NOUN")])
    assert noun_phrase_head(boss[1]).text == "boss"


def test_entities_are_read_from_the_tokens() -> None:
    doc = parsed([("New", 1, "compound", "PROPN"), ("Delhi", 2, "nsubj", "PROPN"),
                  ("thanked", 2, "ROOT", "VERB"), ("Modi", 2, "dobj", "PROPN")],
                 ents=["B-GPE", "I-GPE", "O", "B-PERSON"])
    assert [(e.text, e.label_) for e in entities_in(doc[:])] == [
        ("New Delhi", "GPE"), ("Modi", "PERSON")]
    assert [e.text for e in entities_in(doc[1:3])] == ["Delhi"]


CONTROL = Control(verbs={"urge", "call", "tell"}, prepositions={"on"}, addressee={"to"},
                  object_gerunds={"of", "for"}, makers={"by"})


def test_object_control_hands_the_infinitive_to_the_object() -> None:
    # "Britain urged Iran to withdraw"
    urged = parsed([("Britain", 1, "nsubj", "PROPN"), ("urged", 1, "ROOT", "VERB"),
                    ("Iran", 1, "dobj", "PROPN"), ("to", 4, "aux", "PART"),
                    ("withdraw", 1, "xcomp", "VERB")],
                   tags=["NNP", "VBD", "NNP", "TO", "VB"],
                   lemmas=["Britain", "urge", "Iran", "to", "withdraw"])
    assert doer_of(urged[4], CONTROL).text == "Iran"
    assert doer_of(urged[1], CONTROL).text == "Britain"
    # "Britain called on Iran to withdraw"
    called = parsed([("Britain", 1, "nsubj", "PROPN"), ("called", 1, "ROOT", "VERB"),
                     ("on", 1, "prep", "ADP"), ("Iran", 2, "pobj", "PROPN"),
                     ("to", 5, "aux", "PART"), ("withdraw", 1, "xcomp", "VERB")],
                    tags=["NNP", "VBD", "IN", "NNP", "TO", "VB"],
                    lemmas=["Britain", "call", "on", "Iran", "to", "withdraw"])
    assert doer_of(called[5], CONTROL).text == "Iran"
    # the parser may take the "on" for a particle: "called on [prt] his supporters to march"
    particle = parsed([("Mondlane", 1, "nsubj", "PROPN"), ("called", 1, "ROOT", "VERB"),
                       ("on", 1, "prt", "ADP"), ("supporters", 2, "pobj", "NOUN"),
                       ("to", 5, "aux", "PART"), ("march", 1, "xcomp", "VERB")],
                      tags=["NNP", "VBD", "IN", "NNS", "TO", "VB"],
                      lemmas=["Mondlane", "call", "on", "supporter", "to", "march"])
    assert doer_of(particle[5], CONTROL).text == "supporters"
    assert prep_object(particle[1], {"on"}).text == "supporters"
    # "Britain wanted Iran to withdraw": no control verb, the subject wants and withdraws
    other = Control(verbs=set(), prepositions=set(), addressee=set())
    assert doer_of(urged[4], other).text == "Britain"


def test_a_passive_verb_s_patient_does_what_follows_it() -> None:
    # "the police were told to patrol"
    told = parsed([("the", 1, "det", "DET"), ("police", 3, "nsubjpass", "NOUN"),
                   ("were", 3, "auxpass", "AUX"), ("told", 3, "ROOT", "VERB"),
                   ("to", 5, "aux", "PART"), ("patrol", 3, "xcomp", "VERB")],
                  tags=["DT", "NNS", "VBD", "VBN", "TO", "VB"],
                  lemmas=["the", "police", "be", "tell", "to", "patrol"])
    assert doer_of(told[5], CONTROL).text == "police"
    # "he was indicted and will resign": no active subject of his own, yet he resigns
    indicted = parsed([("he", 2, "nsubjpass", "PRON"), ("was", 2, "auxpass", "AUX"),
                       ("indicted", 2, "ROOT", "VERB"), ("and", 2, "cc", "CCONJ"),
                       ("will", 5, "aux", "AUX"), ("resign", 2, "conj", "VERB")])
    assert doer_of(indicted[5], CONTROL).text == "he"
    assert doer_of(indicted[2], CONTROL) is None
    # "he was arrested while trying to flee": the patient tries
    trying = parsed([("he", 2, "nsubjpass", "PRON"), ("was", 2, "auxpass", "AUX"),
                     ("arrested", 2, "ROOT", "VERB"), ("while", 4, "mark", "SCONJ"),
                     ("trying", 2, "advcl", "VERB")],
                    tags=["PRP", "VBD", "VBN", "IN", "VBG"])
    assert doer_of(trying[4], CONTROL).text == "he"


def test_a_purpose_infinitive_and_a_noun_s_infinitive() -> None:
    # "Ruto travelled to Accra to discuss the crisis"
    doc = parsed([("Ruto", 1, "nsubj", "PROPN"), ("travelled", 1, "ROOT", "VERB"),
                  ("to", 1, "prep", "ADP"), ("Accra", 2, "pobj", "PROPN"),
                  ("to", 5, "aux", "PART"), ("discuss", 1, "advcl", "VERB")],
                 tags=["NNP", "VBD", "IN", "NNP", "TO", "VB"])
    assert doer_of(doc[5], CONTROL).text == "Ruto"
    # "its request to Rwanda to withdraw": whom the request is addressed to
    request = parsed([("its", 1, "poss", "PRON"), ("request", 1, "ROOT", "NOUN"),
                      ("to", 1, "prep", "ADP"), ("Rwanda", 2, "pobj", "PROPN"),
                      ("to", 5, "aux", "PART"), ("withdraw", 1, "acl", "VERB")],
                     tags=["PRP$", "NN", "IN", "NNP", "TO", "VB"])
    assert doer_of(request[5], CONTROL).text == "Rwanda"
    # "an offer by Turkey to host talks": its maker
    offer = parsed([("an", 1, "det", "DET"), ("offer", 1, "ROOT", "NOUN"),
                    ("by", 1, "prep", "ADP"), ("Turkey", 2, "pobj", "PROPN"),
                    ("to", 5, "aux", "PART"), ("host", 1, "acl", "VERB")],
                   tags=["DT", "NN", "IN", "NNP", "TO", "VB"])
    assert doer_of(offer[5], CONTROL).text == "Turkey"


def test_the_subject_of_a_content_clause_and_of_a_split_hyphenated_verb() -> None:
    # "accused Iran of lying" is parsed by some models as a clause with its own subject
    doc = parsed([("Israel", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"),
                  ("Iran", 3, "nsubj", "PROPN"), ("lied", 1, "ccomp", "VERB")])
    assert complement_subject(doc[1]).text == "Iran"
    assert complement_subject(doc[3]) is None
    words = [("police", 1, "compound", "NOUN"), ("lathi", 3, "nsubj", "NOUN"),
             ("-", 3, "punct", "PUNCT"), ("charged", 3, "ROOT", "VERB")]
    split = parsed(words, spaces=[True, False, False, False])
    assert hyphen_subject(split[3], split[1]).text == "police"
    assert hyphen_subject(parsed(words)[3], parsed(words)[1]).text == "lathi"


def test_the_object_does_the_gerund_of_its_preposition() -> None:
    # "Kenya accused Somalia of harbouring militants"
    accused = parsed([("Kenya", 1, "nsubj", "PROPN"), ("accused", 1, "ROOT", "VERB"),
                      ("Somalia", 1, "dobj", "PROPN"), ("of", 1, "prep", "ADP"),
                      ("harbouring", 3, "pcomp", "VERB"), ("militants", 4, "dobj", "NOUN")])
    assert doer_of(accused[4], CONTROL).text == "Somalia"
    # "The army punished the village by burning houses": "by" says how, the army burns
    punished = parsed([("army", 1, "nsubj", "NOUN"), ("punished", 1, "ROOT", "VERB"),
                       ("village", 1, "dobj", "NOUN"), ("by", 1, "prep", "ADP"),
                       ("burning", 3, "pcomp", "VERB"), ("houses", 4, "dobj", "NOUN")])
    assert doer_of(punished[4], CONTROL).text == "army"
