"""The base of everything read from the rules folder: strict (a misspelt key is an error, not a
silently ignored option) and frozen (loaded once, shared by every record)."""

from pydantic import BaseModel, ConfigDict


class RuleData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
