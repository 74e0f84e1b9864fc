"""Built-in example recordings."""
