"""Numpy-only linear PLOVER classifier: feature dict -> idf-weighted, L2-normalised vector -> scores.

Weights live in one .npz (vocabulary, idf, weight matrix, bias, classes, softmax temperature)
written by `plv_train.save`; inference needs no scikit-learn.
"""
from __future__ import annotations

import numpy as np


class LinearModel:
    def __init__(self, vocab, idf, coef, bias, classes, temperature=1.0):
        self.index = {f: i for i, f in enumerate(vocab)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.coef = np.asarray(coef, dtype=np.float32)        # (n_features, n_classes)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.classes = [str(c) for c in classes]
        self.temperature = float(temperature)

    @classmethod
    def load(cls, path):
        with np.load(path, allow_pickle=False) as z:
            return cls(z["vocab"].tolist(), z["idf"], z["coef"], z["bias"], z["classes"].tolist(),
                       float(z["temperature"]))

    def arrays(self) -> dict:
        vocab = sorted(self.index, key=self.index.get)
        return {"vocab": np.array(vocab), "idf": self.idf, "coef": self.coef, "bias": self.bias,
                "classes": np.array(self.classes), "temperature": np.array(self.temperature)}

    def decision(self, feats: list[dict]) -> np.ndarray:
        """Raw class scores, one row per feature dict."""
        out = np.tile(self.bias, (len(feats), 1))
        for r, fd in enumerate(feats):
            idx = [self.index[f] for f in fd if f in self.index]
            if not idx:
                continue
            vals = self.idf[idx] * np.array([fd[f] for f in fd if f in self.index], dtype=np.float32)
            norm = float(np.sqrt((vals * vals).sum())) or 1.0
            out[r] += (vals / norm) @ self.coef[idx]
        return out

    def proba(self, feats: list[dict]) -> np.ndarray:
        z = self.decision(feats) * self.temperature
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)
