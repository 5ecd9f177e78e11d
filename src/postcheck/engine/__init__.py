"""The engine: facts from records, rules compiled to durable-rules, and evaluation."""
