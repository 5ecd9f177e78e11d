"""Rules as data: rule files, their conditions, dated parameters and the catalogue loader."""
