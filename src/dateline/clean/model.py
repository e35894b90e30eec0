"""Run-time inference of the trained line models (numpy only).

Gradient-boosted tree ensembles (scikit-learn's HistGradientBoostingClassifier, exported as
flat node arrays) trained by scripts/train_furniture.py and stored in data/clean/line_model.json: `content` (then `stacked`, which also sees the
first stage's scores of the neighbouring lines) gives each line of a text page the probability
that it is article body (not furniture); `title` gives each line the probability
that it is the page's headline. Features: clean/lines.py.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

import numpy as np

from ..paths import data_file
from .lines import page_features, stack_features

MODEL_FILE = ("clean", "line_model.json")


@dataclass(frozen=True)
class Forest:
    """Binary boosted trees as flat arrays; a node is a leaf when `left` is -1."""
    baseline: float
    roots: np.ndarray       # (n_trees,) index of each tree's root node
    feature: np.ndarray     # (n_nodes,) split feature
    threshold: np.ndarray   # (n_nodes,) go left when x[feature] <= threshold
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray       # leaf values (raw log-odds contributions)
    depth: int
    cut: float              # probability at or above which the class is predicted

    def prob(self, x: np.ndarray) -> np.ndarray:
        """P(class) per row of x (n, n_features) -> (n,)."""
        if not len(x):
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        rows = np.arange(len(x))[:, None]
        for _ in range(self.depth):
            leaf = self.left[node] < 0
            if leaf.all():
                break
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(leaf, node, step)
        raw = self.baseline + self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-np.clip(raw, -30, 30)))


@dataclass(frozen=True)
class LineModels:
    vocabulary: tuple
    content: Forest   # stage 1: line features
    stacked: Forest   # stage 2: line features + stage-1 scores of the neighbours
    title: Forest


def forest(d: dict) -> Forest:
    return Forest(float(d["baseline"]), np.asarray(d["roots"], dtype=np.int64),
                  np.asarray(d["feature"], dtype=np.int64), np.asarray(d["threshold"]),
                  np.asarray(d["left"], dtype=np.int64), np.asarray(d["right"], dtype=np.int64),
                  np.asarray(d["value"]), int(d["depth"]), float(d["cut"]))


_OVERRIDE: list = []  # models installed by use() (held-out evaluation), newest last


def from_dict(d: dict) -> LineModels:
    return LineModels(tuple(d["vocabulary"]), forest(d["content"]), forest(d["stacked"]),
                      forest(d["title"]))


@lru_cache(maxsize=1)
def _stored() -> LineModels:
    return from_dict(json.loads(data_file(*MODEL_FILE).read_text(encoding="utf-8")))


def load() -> LineModels:
    """The stored models (data/clean/line_model.json, committed with the package), or the
    ones installed by `use`."""
    return _OVERRIDE[-1] if _OVERRIDE else _stored()


def use(d: Optional[dict]) -> None:
    """Run with the models of `d` (the weights file's content, e.g. freshly trained by
    clean/train.fit for a held-out evaluation) instead of the stored ones; None restores them."""
    _OVERRIDE.clear()
    if d is not None:
        _OVERRIDE.append(from_dict(d))


def line_scores(lines: Sequence[str], title: Optional[str], content: bool = True,
                title_model: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(P(content), P(title)) per line; both arrays of len(lines). A model not asked for
    (`content` / `title_model` False) is not run and its array is zeros."""
    models = load()
    if not len(lines):
        return np.zeros(0), np.zeros(0)
    x = page_features(lines, title, models.vocabulary)
    p_content = p_title = np.zeros(len(lines))
    if content:
        p1 = models.content.prob(x)
        p_content = models.stacked.prob(np.hstack([x, stack_features(p1)]))
    if title_model:
        p_title = models.title.prob(x)
    return p_content, p_title
