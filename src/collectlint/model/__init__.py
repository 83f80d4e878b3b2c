"""The learned second opinion: a small character n-gram classifier shipped as data in the wheel."""

ANY = "any"  # the violation model: any conduct category (here so rules name it without loading the model)
