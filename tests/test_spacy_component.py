"""The spaCy factory: nlp.add_pipe("specllint") in a user's own pipeline."""

from __future__ import annotations

import spacy

import specllint.components  # noqa: F401  (registers the factory when not installed via entry point)


def test_add_pipe_to_blank_pipeline_sets_report_and_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("specllint", config={"select": ["SPL101"]})
    doc = nlp("Material: high quality steel.")
    report = doc._.specllint
    assert [f.text for f in report.findings] == ["high quality"]
    assert [(s.text, s.label_) for s in doc.spans["specllint"]] == [("high quality", "SPL101")]


def test_component_survives_pipe_and_serialised_config():
    nlp = spacy.blank("en")
    nlp.add_pipe("specllint", config={"select": ["SPL101"], "span_key": "spec"})
    config = nlp.config
    nlp2 = spacy.util.load_model_from_config(config, auto_fill=True)
    docs = list(nlp2.pipe(["Finish: durable.", "Finish: Ra ≤ 0.8 µm."]))
    assert [len(d.spans["spec"]) for d in docs] == [1, 0]
