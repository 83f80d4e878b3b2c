"""The learned second opinion: a small character n-gram classifier shipped as data in the wheel."""

ANY = "any"  # the violation model: any conduct category (here so rules name it without loading the model)
# How readily the violation model flags a message: its threshold is the score that this share of real
# compliant development messages reaches out of fold (``tools/train_model.py``).  ``medium`` is the default.
SENSITIVITIES = {"low": 0.01, "medium": 0.02, "high": 0.05}
DEFAULT_SENSITIVITY = "medium"
