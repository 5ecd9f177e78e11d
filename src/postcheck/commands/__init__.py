"""Commands beyond checking, each in its own module; importing one registers it on `main`."""
