"""postcheck: post records flow through declarative rules and come out as cited violations."""

__version__ = "0.1.0"
