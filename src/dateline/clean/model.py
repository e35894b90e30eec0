"""Run-time inference of the trained line models (numpy only).

Two small networks (one hidden ReLU layer, logistic output) trained by scripts/train_furniture.py
and stored in data/clean/line_model.json: `content` gives each line of a text page the
probability that it is article body (not furniture); `title` gives each line the probability
that it is the page's headline. Features: clean/lines.py.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

import numpy as np

from ..paths import data_file
from .lines import page_features

MODEL_FILE = ("clean", "line_model.json")


@dataclass(frozen=True)
class Net:
    mean: np.ndarray
    scale: np.ndarray
    layers: tuple  # ((W, b), ...) hidden layers with ReLU, the last one logistic
    threshold: float

    def prob(self, x: np.ndarray) -> np.ndarray:
        h = (x - self.mean) / self.scale
        for k, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return 1.0 / (1.0 + np.exp(-np.clip(h[:, 0], -30, 30)))


@dataclass(frozen=True)
class LineModels:
    vocabulary: tuple
    content: Net
    title: Net


def _net(d: dict) -> Net:
    layers = tuple((np.asarray(w), np.asarray(b)) for w, b in zip(d["coefs"], d["intercepts"]))
    return Net(np.asarray(d["mean"]), np.asarray(d["scale"]), layers, float(d["threshold"]))


@lru_cache(maxsize=1)
def load() -> Optional[LineModels]:
    """The stored models, or None when the weights file is absent (then the rules decide)."""
    path = data_file(*MODEL_FILE)
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    return LineModels(tuple(d["vocabulary"]), _net(d["content"]), _net(d["title"]))


def line_scores(lines: Sequence[str], title: Optional[str]) -> tuple[np.ndarray, np.ndarray]:
    """(P(content), P(title)) per line; both arrays of len(lines)."""
    models = load()
    x = page_features(lines, title, models.vocabulary)
    if not len(lines):
        return np.zeros(0), np.zeros(0)
    return models.content.prob(x), models.title.prob(x)
