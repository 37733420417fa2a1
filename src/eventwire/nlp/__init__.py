"""Language processing: loading the spaCy model once and running it in batches."""
