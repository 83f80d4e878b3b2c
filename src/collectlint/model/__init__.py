"""The learned second opinion: a small character n-gram classifier shipped as data in the wheel."""
